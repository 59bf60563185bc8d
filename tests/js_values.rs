//! Converting between JS values and Rust data in the wasm tests.
#![allow(dead_code)]

use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

/// A JS value from JSON-like Rust data, as a JS caller would pass it.
pub fn js(value: &Value) -> JsValue {
    serde::Serialize::serialize(value, &serde_wasm_bindgen::Serializer::json_compatible()).unwrap()
}

/// A result back as Rust data, to compare.
pub fn rust(value: JsValue) -> Value {
    serde_wasm_bindgen::from_value(value).unwrap()
}

/// The message of the `Error` JavaScript receives.
pub fn message(error: impl Into<JsValue>) -> String {
    let value: JsValue = error.into();
    String::from(value.dyn_into::<js_sys::Error>().unwrap().message())
}

/// A property of the `Error` JavaScript receives, as Rust data (`null` when
/// it has none).
pub fn property(error: &JsValue, name: &str) -> Value {
    assert!(
        error.is_instance_of::<js_sys::Error>(),
        "an Error is thrown"
    );
    let value = js_sys::Reflect::get(error, &JsValue::from_str(name)).unwrap();
    if value.is_undefined() {
        Value::Null
    } else {
        rust(value)
    }
}

//! Network exports: CSV, JSON, GEXF and GraphML, each recording the
//! options that produced it.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::{CooccurrenceOptions, Network};
use crate::corpus::Corpus;
use crate::error::{Error, ErrorKind};

/// A file format of [`Corpus::export_network`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// One text with a `#` header of options, a node table, a blank line
    /// and an edge table (split at the blank line for two files).
    Csv,
    /// `{options, network}` as JSON.
    Json,
    /// GEXF 1.3, which Gephi opens; an edge's `weight` is its count (scores
    /// such as PMI can be negative, which layouts cannot use).
    Gexf,
    /// GraphML, which Gephi, yEd, igraph and networkx open.
    Graphml,
}

impl ExportFormat {
    /// Reads a format by name: `csv`, `json`, `gexf` or `graphml`.
    ///
    /// # Errors
    /// Any other name.
    pub fn parse(name: &str) -> Result<ExportFormat, Error> {
        match name.trim().to_ascii_lowercase().as_str() {
            "csv" => Ok(ExportFormat::Csv),
            "json" => Ok(ExportFormat::Json),
            "gexf" => Ok(ExportFormat::Gexf),
            "graphml" => Ok(ExportFormat::Graphml),
            _ => Err(ErrorKind::InvalidArgument {
                message: format!(
                    "unknown export format {name:?}; expected csv, json, gexf or graphml"
                ),
            }
            .into()),
        }
    }
}

impl Corpus {
    /// The co-occurrence network as a file: CSV, JSON, GEXF or GraphML.
    /// Every format records the options (query, unit, window, measure and
    /// thresholds) that produced it.
    ///
    /// # Errors
    /// As [`Corpus::cooccurrence`].
    pub fn export_network(
        &self,
        format: ExportFormat,
        options: &CooccurrenceOptions,
    ) -> Result<String, Error> {
        export_network(self, format, options)
    }
}

/// See [`Corpus::export_network`].
fn export_network(
    corpus: &Corpus,
    format: ExportFormat,
    options: &CooccurrenceOptions,
) -> Result<String, Error> {
    let network = corpus.cooccurrence(options)?;
    let settings = serde_json::to_string(options).unwrap_or_default();
    Ok(match format {
        ExportFormat::Csv => csv(&network, &settings),
        ExportFormat::Json => {
            let value = serde_json::json!({ "options": options, "network": network });
            serde_json::to_string_pretty(&value).unwrap_or_default()
        }
        ExportFormat::Gexf => gexf(&network, &settings),
        ExportFormat::Graphml => graphml(&network, &settings),
    })
}

/// A CSV cell: quoted when needed, and a leading `'` before `=`, `+`, `-`,
/// `@`, a tab or a carriage return so that spreadsheets do not run it as a
/// formula (OWASP's advice on CSV injection).
fn cell(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r', '\t', ';', '#']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// A number as a CSV cell (negative scores are numbers, not formulas).
fn number(value: f64) -> String {
    format!("{value}")
}

/// The options' JSON for the CSV's comment line. A spreadsheet splits that
/// line at commas like any other, so inside strings (a query, say) the
/// separators and quotes are written as JSON escapes: no piece of the line
/// can start a formula, and JSON.parse reads back the same values.
fn comment_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        match c {
            _ if escaped => {
                escaped = false;
                if c == '"' {
                    out.push_str("u0022");
                    continue;
                }
            }
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            ',' | ';' | '\t' if in_string => {
                out.push_str(&format!("\\u{:04x}", c as u32));
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

fn csv(network: &Network, settings: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# corpus-lens co-occurrence network; options: {}",
        comment_json(settings).replace('\n', " ")
    );
    out.push_str("id,name,type,count,degree,weightedDegree,betweenness,community\n");
    for n in &network.nodes {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{}",
            cell(&n.id),
            cell(&n.name),
            n.ty.as_str(),
            n.count,
            n.degree,
            n.weighted_degree,
            number(n.betweenness),
            n.community
        );
    }
    out.push_str("\nsource,target,count,expected,score,pValue\n");
    for e in &network.edges {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{}",
            cell(&e.source),
            cell(&e.target),
            e.count,
            number(e.expected),
            number(e.score),
            number(e.p_value)
        );
    }
    out
}

/// Escapes text for XML content and attribute values.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids, even as references (a Rust
            // string holds no lone surrogate, the other kind).
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

const NODE_ATTRIBUTES: [(&str, &str); 7] = [
    ("type", "string"),
    ("count", "long"),
    ("degree", "long"),
    ("weightedDegree", "long"),
    ("betweenness", "double"),
    ("community", "long"),
    ("name", "string"),
];

const EDGE_ATTRIBUTES: [(&str, &str); 4] = [
    ("count", "long"),
    ("expected", "double"),
    ("score", "double"),
    ("pValue", "double"),
];

fn node_values(n: &super::Node) -> [String; 7] {
    [
        n.ty.as_str().to_string(),
        n.count.to_string(),
        n.degree.to_string(),
        n.weighted_degree.to_string(),
        number(n.betweenness),
        n.community.to_string(),
        n.name.clone(),
    ]
}

fn edge_values(e: &super::Edge) -> [String; 4] {
    [
        e.count.to_string(),
        number(e.expected),
        number(e.score),
        number(e.p_value),
    ]
}

fn gexf(network: &Network, settings: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n");
    let _ = writeln!(
        out,
        "  <meta><creator>corpus-lens</creator><description>{}</description></meta>",
        xml(settings)
    );
    out.push_str("  <graph defaultedgetype=\"undirected\" mode=\"static\">\n");
    out.push_str("    <attributes class=\"node\">\n");
    for (i, (title, ty)) in NODE_ATTRIBUTES.iter().enumerate() {
        let _ = writeln!(
            out,
            "      <attribute id=\"{i}\" title=\"{title}\" type=\"{ty}\"/>"
        );
    }
    out.push_str("    </attributes>\n    <attributes class=\"edge\">\n");
    for (i, (title, ty)) in EDGE_ATTRIBUTES.iter().enumerate() {
        let _ = writeln!(
            out,
            "      <attribute id=\"{i}\" title=\"{title}\" type=\"{ty}\"/>"
        );
    }
    out.push_str("    </attributes>\n    <nodes>\n");
    for n in &network.nodes {
        let _ = write!(
            out,
            "      <node id=\"{}\" label=\"{}\"><attvalues>",
            xml(&n.id),
            xml(&n.name)
        );
        for (i, v) in node_values(n).iter().enumerate() {
            let _ = write!(out, "<attvalue for=\"{i}\" value=\"{}\"/>", xml(v));
        }
        out.push_str("</attvalues></node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (k, e) in network.edges.iter().enumerate() {
        let _ = write!(
            out,
            "      <edge id=\"{k}\" source=\"{}\" target=\"{}\" weight=\"{}\"><attvalues>",
            xml(&e.source),
            xml(&e.target),
            e.count
        );
        for (i, v) in edge_values(e).iter().enumerate() {
            let _ = write!(out, "<attvalue for=\"{i}\" value=\"{}\"/>", xml(v));
        }
        out.push_str("</attvalues></edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

fn graphml(network: &Network, settings: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    let _ = writeln!(
        out,
        "  <desc>corpus-lens co-occurrence network; options: {}</desc>",
        xml(settings)
    );
    for (title, ty) in NODE_ATTRIBUTES {
        let _ = writeln!(
            out,
            "  <key id=\"n_{title}\" for=\"node\" attr.name=\"{title}\" attr.type=\"{ty}\"/>"
        );
    }
    for (title, ty) in EDGE_ATTRIBUTES {
        let _ = writeln!(
            out,
            "  <key id=\"e_{title}\" for=\"edge\" attr.name=\"{title}\" attr.type=\"{ty}\"/>"
        );
    }
    out.push_str("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n");
    out.push_str("  <graph id=\"G\" edgedefault=\"undirected\">\n");
    for n in &network.nodes {
        let _ = write!(out, "    <node id=\"{}\">", xml(&n.id));
        for ((title, _), v) in NODE_ATTRIBUTES.iter().zip(node_values(n)) {
            let _ = write!(out, "<data key=\"n_{title}\">{}</data>", xml(&v));
        }
        out.push_str("</node>\n");
    }
    for e in &network.edges {
        let _ = write!(
            out,
            "    <edge source=\"{}\" target=\"{}\">",
            xml(&e.source),
            xml(&e.target)
        );
        let _ = write!(out, "<data key=\"weight\">{}</data>", e.count);
        for ((title, _), v) in EDGE_ATTRIBUTES.iter().zip(edge_values(e)) {
            let _ = write!(out, "<data key=\"e_{title}\">{v}</data>");
        }
        out.push_str("</edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_defused() {
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("a,\"b\""), "\"a,\"\"b\"\"\"");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("\tx"), "\"'\tx\"");
        assert_eq!(cell("Issue #5"), "\"Issue #5\"");
        let json = r#"{"query":"a,=HYPERLINK(\"x\");b","unit":"sentence"}"#;
        let line = comment_json(json);
        assert_eq!(
            line,
            r#"{"query":"a\u002c=HYPERLINK(\u0022x\u0022)\u003bb","unit":"sentence"}"#
        );
        let back: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(back["query"], "a,=HYPERLINK(\"x\");b");
        assert_eq!(xml("<a & 'b'>"), "&lt;a &amp; &apos;b&apos;&gt;");
    }

    #[test]
    fn xml_drops_the_characters_xml_forbids() {
        // An entity named in an imported alias table made a GEXF no XML reader opened.
        assert_eq!(
            xml("bell\u{7}\u{FFFE}\u{FFFF}\t\u{FFFD}\u{10000}"),
            "bell\t\u{FFFD}\u{10000}"
        );
    }
}

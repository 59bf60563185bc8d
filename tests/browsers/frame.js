// The frame page's one script (see server.mjs): loads the page under test,
// named by this script's own `src` query, into the frame.
const src = new URL(document.currentScript.src).searchParams.get('src');
document.getElementById('frame').src = src;

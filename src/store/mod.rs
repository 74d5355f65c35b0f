//! The company's log and its persistence: IndexedDB on wasm32, an in-memory
//! twin natively, behind one API.

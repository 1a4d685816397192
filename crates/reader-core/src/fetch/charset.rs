//! Charset detection and decoding (HTTP header → BOM → meta → statistical guess).

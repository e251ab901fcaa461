//! Objects for R2 written as files, with the list `wrangler r2 bulk put --filename` takes.

use std::fs;
use std::path::Path;

/// Writes each (key, bytes) as `dir/<key>` and lists them all in `dir/<list>`.
pub fn write(dir: &Path, list: &str, objects: Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    let mut entries = Vec::with_capacity(objects.len());
    for (key, bytes) in objects {
        let file = dir.join(&key);
        if let Some(parent) = file.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&file, bytes)?;
        entries.push(serde_json::json!({ "key": key, "file": file }));
    }
    fs::write(dir.join(list), serde_json::to_vec(&entries)?)
}

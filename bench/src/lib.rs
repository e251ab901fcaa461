//! Writes a benchmark result in the shape every benchmark shares (see bench/lib.mjs):
//! figures, targets (`{"max": x}` or `{"min": x}`) and whether every target holds.

use serde_json::{json, Map, Value};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy)]
pub enum Target {
    Max(f64),
    Min(f64),
}

pub fn write_result(name: &str, figures: &[(&str, f64)], targets: &[(&str, Target)]) -> bool {
    let value_of = |key: &str| {
        figures
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
            .unwrap_or(f64::NAN)
    };
    let pass = targets.iter().all(|(key, t)| match t {
        Target::Max(max) => value_of(key) <= *max,
        Target::Min(min) => value_of(key) >= *min,
    });
    let round = |v: f64| (v * 1000.0).round() / 1000.0;
    let figures: Map<String, Value> = figures
        .iter()
        .map(|(k, v)| (k.to_string(), json!(round(*v))))
        .collect();
    let targets: Map<String, Value> = targets
        .iter()
        .map(|(k, t)| {
            (
                k.to_string(),
                match t {
                    Target::Max(x) => json!({ "max": x }),
                    Target::Min(x) => json!({ "min": x }),
                },
            )
        })
        .collect();
    let result = json!({ "name": name, "figures": figures, "targets": targets, "pass": pass });
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("results");
    let text = serde_json::to_string_pretty(&result).expect("a result serialises") + "\n";
    if let Err(e) = std::fs::create_dir_all(&dir)
        .and_then(|_| std::fs::write(dir.join(format!("{name}.json")), &text))
    {
        eprintln!("could not write the result: {e}");
    }
    println!("{text}");
    pass
}

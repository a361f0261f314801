//! A generated policy set for benchmarks, shared by the bench targets.

use yibao::policy::{Origin, PolicyFile, embedded_files, load_layers};

/// National root + 30 provinces + 969 cities = 1000 regions, 40 statements each, with texts
/// taken from the shipped statements so the characters and words are realistic.
pub fn generated_files() -> Vec<PolicyFile> {
    let shipped = load_layers(&[embedded_files()]);
    let texts: Vec<String> = shipped
        .set
        .regions_in_tree_order()
        .iter()
        .flat_map(|r| r.statements.iter().map(|s| s.text.clone()))
        .collect();
    let topics = [
        "family_sharing",
        "withdrawal",
        "balance_query",
        "transfer",
        "fees",
        "dental",
        "wechat_cashout",
        "fraud",
    ];
    let mut files = Vec::with_capacity(1000);
    let mut counter = 0usize;
    let mut region_file = |id: &str, name: &str, parent: Option<&str>| {
        let mut text = format!("[region]\nid = \"{id}\"\nname = \"{name}\"\n");
        if let Some(parent) = parent {
            text.push_str(&format!("parent = \"{parent}\"\n"));
        } else {
            text.push_str("data_version = \"bench\"\n");
        }
        text.push_str(&format!(
            "\n[sources.guide_{id}]\ntitle = \"{name}医保经办指南\"\nissuer = \"{name}医疗保障局\"\ndoc_number = \"{name}医保发〔2025〕{counter}号\"\ndate = 2025-01-01\n"
        ));
        for i in 0..40 {
            counter += 1;
            let body = &texts[counter % texts.len()];
            let topic = topics[counter % topics.len()];
            text.push_str(&format!(
                "\n[[statements]]\nid = \"{topic}.item_{i}\"\ntopic = \"{topic}\"\ntext = \"{name}：{body}\"\nconfidence = \"local\"\nsources = [\"guide_{id}\"]\nverified_on = 2026-11-23\n"
            ));
        }
        files.push(PolicyFile {
            origin: Origin::Embedded(format!("{id}.toml")),
            text,
        });
    };
    region_file("national", "全国", None);
    for p in 0..30 {
        region_file(
            &format!("province_{p}"),
            &format!("第{p}省"),
            Some("national"),
        );
    }
    for c in 0..969 {
        let parent = format!("province_{}", c % 30);
        region_file(&format!("city_{c}"), &format!("第{c}市"), Some(&parent));
    }
    files
}

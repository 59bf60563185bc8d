//! Co-occurrence networks, measures, evidence, analytics and exports.

use std::collections::{BTreeMap, BTreeSet};

use corpus_lens::network::Graph;
use corpus_lens::{
    chi2_survival, Collocate, CollocateOptions, CooccurUnit, CooccurrenceOptions, Corpus,
    EntityType, EvidenceOptions, ExportFormat, KeyTerm, KeynessOptions, Matrix, MatrixOptions,
    Measure, Network, Table, Timeline, TimelineOptions,
};
use serde_json::{json, Value};

use super::js_slice;

const PUTIN: &str = "person:vladimir-putin";
const MORI: &str = "person:yoshiro-mori";
const KOIZUMI: &str = "person:junichiro-koizumi";

fn network(corpus: &Corpus, options: Value) -> Network {
    let options: CooccurrenceOptions = serde_json::from_value(options).unwrap();
    corpus.cooccurrence(&options).unwrap()
}

fn count_of(network: &Network, a: &str, b: &str) -> Option<u64> {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    network
        .edges
        .iter()
        .find(|e| e.source == a && e.target == b)
        .map(|e| e.count)
}

fn close(ours: f64, theirs: f64) -> bool {
    (ours - theirs).abs() <= 1e-9 * theirs.abs().max(1e-300) || (ours - theirs).abs() < 1e-300
}

#[test]
fn measures_match_nltk_on_the_same_tables() {
    let fixture: Value = serde_json::from_str(include_str!("fixtures/nltk_measures.json")).unwrap();
    for row in fixture["tables"].as_array().unwrap() {
        let t: Vec<u64> = serde_json::from_value(row["table"].clone()).unwrap();
        let table = Table::new(t[0], t[1], t[2], t[3]);
        for measure in Measure::ALL {
            let ours = table.score(measure);
            match row[measure.as_str()].as_f64() {
                Some(theirs) => {
                    assert!(close(ours, theirs), "{t:?} {measure:?}: {ours} vs {theirs}")
                }
                // NLTK's chi_sq divides by zero on an empty row or column.
                None => assert_eq!(ours, 0.0, "{t:?} {measure:?}"),
            }
        }
        assert!(close(table.expected(), row["expected"].as_f64().unwrap()));
        let llr_p = row["llrP"].as_f64().unwrap();
        assert!(close(table.p_value(Measure::Llr), llr_p), "{t:?}: {llr_p}");
        if let Some(p) = row["chi2P"].as_f64() {
            assert!(close(table.p_value(Measure::Chi2), p), "{t:?}: chi2 p {p}");
        }
    }
    assert!(close(chi2_survival(3.841_458_820_694_124), 0.05));
}

fn fixture_graph(graph: &Value) -> Graph {
    let mut g = Graph::new(graph["nodes"].as_u64().unwrap() as usize);
    for edge in graph["edges"].as_array().unwrap() {
        let (a, b, w) = (
            edge[0].as_u64().unwrap(),
            edge[1].as_u64().unwrap(),
            edge[2].as_f64().unwrap(),
        );
        g.add_edge(a as usize, b as usize, w);
    }
    g
}

#[test]
fn betweenness_and_louvain_match_networkx() {
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/networkx_graph.json")).unwrap();
    for graph in fixture["graphs"].as_array().unwrap() {
        let g = fixture_graph(graph);
        let expected = graph["betweenness"].as_array().unwrap();
        for (v, (ours, theirs)) in g.betweenness().iter().zip(expected).enumerate() {
            let theirs = theirs.as_f64().unwrap();
            assert!(
                (ours - theirs).abs() < 1e-9,
                "{} node {v}: {ours} vs {theirs}",
                graph["name"]
            );
        }
        let ours = g.modularity(&g.louvain());
        let theirs = graph["louvainModularity"].as_f64().unwrap();
        assert!(
            ours >= theirs - 0.01,
            "{}: modularity {ours} vs networkx {theirs}",
            graph["name"]
        );
        // Our modularity of networkx's own partition agrees with networkx.
        let mut partition = vec![0; g.len()];
        for (c, members) in graph["louvainCommunities"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
        {
            for v in members.as_array().unwrap() {
                partition[v.as_u64().unwrap() as usize] = c;
            }
        }
        assert!((g.modularity(&partition) - theirs).abs() < 1e-9);
        assert_eq!(g.louvain(), g.louvain(), "deterministic");
    }
}

#[test]
fn putin_meets_mori_and_koizumi_in_six_sentences_each() {
    let corpus = Corpus::embedded().unwrap();
    let net = network(&corpus, json!({}));
    assert_eq!(count_of(&net, PUTIN, MORI), Some(6));
    assert_eq!(count_of(&net, PUTIN, KOIZUMI), Some(6));
    assert_eq!(count_of(&net, MORI, KOIZUMI), None, "never in one sentence");
    assert_eq!(net.units, 137, "N is every sentence of the seeds");
    let evidence = corpus
        .evidence(PUTIN, MORI, &EvidenceOptions::default())
        .unwrap();
    let docs: Vec<&str> = evidence.iter().map(|e| e.doc_id.as_str()).collect();
    assert_eq!(
        docs,
        ["000_cdea581117318265"; 3]
            .iter()
            .chain(&["001_dd6b5825d416bed0"; 3])
            .copied()
            .collect::<Vec<_>>()
    );
    assert_eq!(
        evidence[0].text,
        "Russian President-elect Vladimir Putin and the newly named Prime Minister of Japan, Yoshiro Mori, agreed earlier this week to meet on April 29 in St. Petersburg."
    );
    let koizumi = corpus
        .evidence(PUTIN, KOIZUMI, &EvidenceOptions::default())
        .unwrap();
    assert_eq!(
        koizumi.last().unwrap().text,
        "Koizumi did, however, urge Putin to visit Japan in time for the World Expo in Aichi Prefecture in March 2005."
    );
}

#[test]
fn evidence_offsets_are_utf16_and_mark_both_entities() {
    let corpus = Corpus::embedded().unwrap();
    for unit in ["sentence", "window"] {
        let options: EvidenceOptions =
            serde_json::from_value(json!({"unit": unit, "window": 30})).unwrap();
        for e in corpus.evidence(PUTIN, MORI, &options).unwrap() {
            let text = &corpus.document(&e.doc_id).unwrap().text;
            assert_eq!(js_slice(text, e.start, e.end), e.text);
            let ids: BTreeSet<&str> = e.mentions.iter().map(|m| m.entity_id.as_str()).collect();
            assert_eq!(ids, BTreeSet::from([MORI, PUTIN]));
            for m in &e.mentions {
                let name = js_slice(text, m.start, m.end);
                assert!(name.contains("Putin") || name.contains("Mori"), "{name}");
                assert!(m.start >= e.start && m.end <= e.end);
            }
        }
    }
    // The possessive’s curly apostrophe comes before a mention: offsets differ from bytes.
    let e = corpus
        .evidence(PUTIN, MORI, &EvidenceOptions::default())
        .unwrap();
    let moscow = e.iter().find(|e| e.text.starts_with("Moscow’s")).unwrap();
    let text = &corpus.document(&moscow.doc_id).unwrap().text;
    assert!(moscow
        .mentions
        .iter()
        .all(|m| ["Mori", "Putin"].contains(&js_slice(text, m.start, m.end).as_str())));
}

#[test]
fn every_edge_count_equals_its_evidence_in_every_unit() {
    let corpus = Corpus::embedded().unwrap();
    for unit in ["sentence", "paragraph", "document", "window"] {
        let net = network(&corpus, json!({"unit": unit, "window": 4}));
        assert!(!net.edges.is_empty());
        let options: EvidenceOptions =
            serde_json::from_value(json!({"unit": unit, "window": 4})).unwrap();
        for edge in &net.edges {
            let evidence = corpus
                .evidence(&edge.source, &edge.target, &options)
                .unwrap();
            assert_eq!(
                evidence.len() as u64,
                edge.count,
                "{unit}: {} – {}",
                edge.source,
                edge.target
            );
        }
    }
}

#[test]
fn sentence_counts_agree_with_annotations() {
    // An independent count from the public annotate() and sentence spans.
    let corpus = Corpus::embedded().unwrap();
    let skip = ["date", "money", "quantity"];
    let mut expected: BTreeMap<(String, String), u64> = BTreeMap::new();
    for doc in corpus.documents() {
        let annotations = corpus.annotate(&doc.id).unwrap();
        for s in doc.detail().sentences {
            let ids: BTreeSet<String> = annotations
                .iter()
                .filter(|a| a.start >= s.start && a.start < s.end && !skip.contains(&a.ty.as_str()))
                .map(|a| a.entity_id.clone())
                .collect();
            let ids: Vec<String> = ids.into_iter().collect();
            for (i, a) in ids.iter().enumerate() {
                for b in &ids[i + 1..] {
                    *expected.entry((a.clone(), b.clone())).or_default() += 1;
                }
            }
        }
    }
    let net = network(&corpus, json!({"unit": "sentence"}));
    let ours: BTreeMap<(String, String), u64> = net
        .edges
        .iter()
        .map(|e| ((e.source.clone(), e.target.clone()), e.count))
        .collect();
    assert_eq!(ours, expected);
}

#[test]
fn larger_units_count_at_least_as_much() {
    let corpus = Corpus::embedded().unwrap();
    let sentence = network(&corpus, json!({"unit": "sentence"}));
    let paragraph = network(&corpus, json!({"unit": "paragraph"}));
    let document = network(&corpus, json!({"unit": "document"}));
    for e in &sentence.edges {
        let p = count_of(&paragraph, &e.source, &e.target).unwrap();
        let d = count_of(&document, &e.source, &e.target).unwrap();
        assert!(p >= 1 && d >= 1, "{e:?} paragraph {p} document {d}");
    }
    // Two sentences of one paragraph count once for the paragraph.
    assert_eq!(count_of(&sentence, "place:japan", "place:russia"), Some(20));
    assert_eq!(
        count_of(&paragraph, "place:japan", "place:russia"),
        Some(19)
    );
    assert_eq!(count_of(&document, "place:japan", "place:russia"), Some(5));
    assert_eq!(count_of(&document, PUTIN, MORI), Some(2));
    assert_eq!(count_of(&document, PUTIN, KOIZUMI), Some(2));
    assert_eq!(document.units, 5);
    assert_eq!(paragraph.units, 40);
    // Windows count mention pairs, so one sentence can give several.
    let window = network(&corpus, json!({"unit": "window", "window": 1000}));
    assert!(count_of(&window, PUTIN, MORI).unwrap() > 6);
    assert_eq!(window.units, corpus.stats().words as u64);
}

#[test]
fn thresholds_limit_and_nodes_filter_edges() {
    let corpus = Corpus::embedded().unwrap();
    let all = network(&corpus, json!({"measure": "llr"}));
    let min = network(&corpus, json!({"measure": "llr", "minCount": 5}));
    assert!(!min.edges.is_empty() && min.edges.iter().all(|e| e.count >= 5));
    assert_eq!(
        min.edges.len(),
        all.edges.iter().filter(|e| e.count >= 5).count()
    );
    let p = network(&corpus, json!({"measure": "llr", "maxP": 0.01}));
    assert!(p.edges.iter().all(|e| e.p_value <= 0.01) && p.edges.len() < all.edges.len());
    let score = network(&corpus, json!({"measure": "pmi", "minScore": 3.0}));
    assert!(score.edges.iter().all(|e| e.score >= 3.0));
    let top = network(&corpus, json!({"measure": "llr", "limit": 3}));
    assert_eq!(top.edges, all.edges[..3]);
    // The limit is stated: how many edges it left out.
    assert_eq!(top.total_edges, all.edges.len());
    assert_eq!(all.total_edges, all.edges.len());
    assert_eq!(min.total_edges, min.edges.len());
    assert!(top.edges.windows(2).all(|w| w[0].score >= w[1].score));
    let few = network(&corpus, json!({"nodes": 4}));
    assert!(few.nodes.len() <= 4);
    let ids: BTreeSet<&str> = few.nodes.iter().map(|n| n.id.as_str()).collect();
    assert!(few
        .edges
        .iter()
        .all(|e| ids.contains(e.source.as_str()) && ids.contains(e.target.as_str())));
}

#[test]
fn restrictions_by_query_types_entities_and_dates() {
    let corpus = Corpus::embedded().unwrap();
    let koizumi = network(&corpus, json!({"query": "koizumi"}));
    assert_eq!(count_of(&koizumi, PUTIN, MORI), None);
    assert_eq!(count_of(&koizumi, PUTIN, KOIZUMI), Some(6));
    let people = network(&corpus, json!({"types": ["person"]}));
    assert!(people.nodes.iter().all(|n| n.ty == EntityType::Person));
    assert_eq!(count_of(&people, PUTIN, MORI), Some(6));
    let three = network(&corpus, json!({"entities": [PUTIN, MORI, KOIZUMI]}));
    assert_eq!(three.edges.len(), 2);
    let dated = network(&corpus, json!({"dateFrom": "2004", "dateTo": "2005-12"}));
    assert_eq!(count_of(&dated, PUTIN, MORI), None);
    assert!(count_of(&dated, PUTIN, KOIZUMI).is_some());
    // Dates, sums and quantities are left out unless asked for.
    let default = network(&corpus, json!({}));
    assert!(default.nodes.iter().all(|n| !matches!(
        n.ty,
        EntityType::Date | EntityType::Money | EntityType::Quantity
    )));
    let dates = network(&corpus, json!({"types": ["person", "date"]}));
    assert!(dates.nodes.iter().any(|n| n.ty == EntityType::Date));
}

#[test]
fn nodes_carry_degree_betweenness_and_communities() {
    let corpus = Corpus::embedded().unwrap();
    let net = network(&corpus, json!({"measure": "npmi"}));
    for node in &net.nodes {
        let edges: Vec<_> = net
            .edges
            .iter()
            .filter(|e| e.source == node.id || e.target == node.id)
            .collect();
        assert_eq!(node.degree, edges.len());
        assert_eq!(
            node.weighted_degree,
            edges.iter().map(|e| e.count).sum::<u64>()
        );
        assert!((0.0..=1.0).contains(&node.betweenness));
    }
    assert!(net.nodes.windows(2).all(|w| w[0].count >= w[1].count));
    assert_eq!(net.nodes.iter().map(|n| n.community).min(), Some(0));
    assert_eq!(
        net,
        network(&corpus, json!({"measure": "npmi"})),
        "deterministic"
    );
}

#[test]
fn bad_options_are_clear_errors() {
    let corpus = Corpus::embedded().unwrap();
    let parse = |v: Value| {
        serde_json::from_value::<CooccurrenceOptions>(v)
            .unwrap_err()
            .to_string()
    };
    assert!(parse(json!({"measure": "cosine"})).contains("unknown variant `cosine`"));
    assert!(parse(json!({"unit": "page"})).contains("unknown variant `page`"));
    assert!(parse(json!({"treshold": 2})).contains("unknown field `treshold`"));
    let error = |v: Value| {
        let options: CooccurrenceOptions = serde_json::from_value(v).unwrap();
        corpus.cooccurrence(&options).unwrap_err().to_string()
    };
    assert_eq!(
        error(json!({"window": 0})),
        "the option window must be between 1 and 1000, got 0"
    );
    assert_eq!(
        error(json!({"maxP": 1.5})),
        "the option maxP must be between 0 and 1, got 1.5"
    );
    assert_eq!(
        error(json!({"entities": ["person:nobody"]})),
        "no entity has the id \"person:nobody\""
    );
    assert!(error(json!({"dateFrom": "April"})).contains("dateFrom must be an ISO date"));
    assert!(error(json!({"query": "\"open"})).starts_with("invalid query"));
    let same = corpus
        .evidence(PUTIN, PUTIN, &EvidenceOptions::default())
        .unwrap_err();
    assert!(same.to_string().contains("two different entities"));
    let options = CooccurrenceOptions {
        unit: CooccurUnit::Window,
        window: 0,
        ..Default::default()
    };
    assert!(corpus.cooccurrence(&options).is_err());
}

/// The element names, and attributes of `edge` elements, of an XML text.
fn read_xml(text: &str) -> (usize, Vec<BTreeMap<String, String>>, String) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let (mut nodes, mut edges, mut desc) = (0, Vec::new(), String::new());
    let mut in_desc = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name().0.to_string();
                in_desc = name == "desc" || name == "description";
                match name.as_str() {
                    "node" => nodes += 1,
                    "edge" => edges.push(
                        e.attributes()
                            .map(|a| {
                                let a = a.unwrap();
                                (
                                    a.key.0.to_string(),
                                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                        .unwrap()
                                        .into_owned(),
                                )
                            })
                            .collect(),
                    ),
                    _ => {}
                }
            }
            Event::Text(t) if in_desc => desc.push_str(&t.xml10_content()),
            Event::End(_) => in_desc = false,
            Event::Eof => break,
            _ => {}
        }
    }
    (nodes, edges, desc)
}

#[test]
fn exports_load_back_and_record_their_options() {
    let corpus = Corpus::embedded().unwrap();
    let options: CooccurrenceOptions = serde_json::from_value(
        json!({"measure": "llr", "minCount": 2, "query": "putin \"peace treaty\""}),
    )
    .unwrap();
    let net = corpus.cooccurrence(&options).unwrap();
    for format in [ExportFormat::Gexf, ExportFormat::Graphml] {
        let text = corpus.export_network(format, &options).unwrap();
        let (nodes, edges, desc) = read_xml(&text);
        assert_eq!(
            (nodes, edges.len()),
            (net.nodes.len(), net.edges.len()),
            "{format:?}"
        );
        assert!(
            desc.contains("llr") && desc.contains("minCount"),
            "{format:?}: {desc}"
        );
        if format == ExportFormat::Gexf {
            let first = &edges[0];
            assert_eq!(first["source"], net.edges[0].source);
            assert_eq!(first["weight"], net.edges[0].count.to_string());
        }
    }
    let json: Value =
        serde_json::from_str(&corpus.export_network(ExportFormat::Json, &options).unwrap())
            .unwrap();
    assert_eq!(json["options"]["query"], "putin \"peace treaty\"");
    assert_eq!(
        json["network"]["edges"].as_array().unwrap().len(),
        net.edges.len()
    );
    let csv = corpus.export_network(ExportFormat::Csv, &options).unwrap();
    assert!(csv.starts_with("# corpus-lens co-occurrence network; options: {"));
    let (nodes, edges) = csv.split_once("\n\n").unwrap();
    assert_eq!(nodes.lines().count(), net.nodes.len() + 2);
    assert_eq!(edges.lines().count(), net.edges.len() + 1);
    assert!(ExportFormat::parse("pdf").is_err());
}

fn matrix(corpus: &Corpus, options: Value) -> Matrix {
    let options: MatrixOptions = serde_json::from_value(options).unwrap();
    corpus.matrix(&options).unwrap()
}

#[test]
fn matrix_is_symmetric_and_matches_cooccurrence_counts() {
    let corpus = Corpus::embedded().unwrap();
    for options in [
        json!({"size": 8}),
        json!({"size": 12, "unit": "window", "window": 8, "measure": "llr"}),
        json!({"size": 10, "unit": "paragraph", "minCount": 2}),
    ] {
        let m = matrix(&corpus, options.clone());
        let k = m.size;
        assert_eq!(m.ids.len(), k);
        assert_eq!(m.counts.len(), k * k);
        assert_eq!(m.scores.len(), k * k);
        let mut base = options.clone();
        base.as_object_mut().unwrap().remove("size");
        let net = network(&corpus, base);
        assert_eq!(m.units, net.units);
        for i in 0..k {
            assert_eq!(m.counts[i * k + i], 0, "self-pairs never count");
            assert_eq!(m.scores[i * k + i], None);
            for j in 0..k {
                assert_eq!(m.counts[i * k + j], m.counts[j * k + i]);
                assert_eq!(m.scores[i * k + j], m.scores[j * k + i]);
                if i == j {
                    continue;
                }
                let expected = count_of(&net, &m.ids[i], &m.ids[j]).unwrap_or(0);
                assert_eq!(m.counts[i * k + j], expected, "{} {}", m.ids[i], m.ids[j]);
                assert_eq!(m.scores[i * k + j].is_some(), expected > 0);
            }
        }
        // Rows are the most frequent entities, most frequent first.
        assert!(m.frequencies.windows(2).all(|w| w[0] >= w[1]));
    }
    let m = matrix(&corpus, json!({"size": 20}));
    let putin = m.ids.iter().position(|id| id == PUTIN).unwrap();
    let mori = m.ids.iter().position(|id| id == MORI).unwrap();
    assert_eq!(m.counts[putin * m.size + mori], 6);
    let json = serde_json::to_value(&m).unwrap();
    for key in [
        "unit", "measure", "ids", "names", "types", "counts", "scores", "pValues",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
}

#[test]
fn matrix_size_is_checked_and_bounds_the_entities() {
    let corpus = Corpus::embedded().unwrap();
    assert_eq!(matrix(&corpus, json!({"size": 1})).counts, [0]);
    assert_eq!(matrix(&corpus, json!({})).size, 20);
    let error = |v: Value| {
        let options: MatrixOptions = serde_json::from_value(v).unwrap();
        corpus.matrix(&options).unwrap_err().to_string()
    };
    assert_eq!(
        error(json!({"size": 0})),
        "the option size must be between 1 and 200, got 0"
    );
    assert_eq!(
        error(json!({"size": 201})),
        "the option size must be between 1 and 200, got 201"
    );
    let parse = serde_json::from_value::<MatrixOptions>(json!({"nodes": 3}));
    assert!(parse
        .unwrap_err()
        .to_string()
        .contains("unknown field `nodes`"));
}

fn timeline(corpus: &Corpus, options: Value) -> Timeline {
    let options: TimelineOptions = serde_json::from_value(options).unwrap();
    corpus.timeline(&options).unwrap()
}

fn entity_count(corpus: &Corpus, id: &str) -> u64 {
    let all = corpus.entities(&Default::default()).unwrap();
    all.iter().find(|e| e.id == id).unwrap().count as u64
}

#[test]
fn timeline_mentions_per_year_sum_to_the_entity_count() {
    let corpus = Corpus::embedded().unwrap();
    let t = timeline(
        &corpus,
        json!({"entities": [PUTIN, MORI], "bucket": "year"}),
    );
    assert_eq!(
        t.buckets,
        ["1999", "2000", "2001", "2002", "2003", "2004", "2005"]
    );
    let putin = &t.series[0];
    assert_eq!(putin.id, PUTIN);
    assert_eq!(putin.values.len(), t.buckets.len());
    assert_eq!(
        putin.values.iter().sum::<u64>(),
        entity_count(&corpus, PUTIN)
    );
    assert_eq!(putin.values[0], 0, "Yeltsin's year has no Putin");
    assert_eq!(
        t.series[1].values.iter().sum::<u64>(),
        entity_count(&corpus, MORI)
    );
    for bucket in ["month", "issue", "document"] {
        let t = timeline(&corpus, json!({"entities": [PUTIN], "bucket": bucket}));
        assert_eq!(t.series[0].total, entity_count(&corpus, PUTIN), "{bucket}");
    }
}

#[test]
fn timeline_issues_follow_corpus_order_and_defaults_pick_top_entities() {
    let corpus = Corpus::embedded().unwrap();
    let t = timeline(&corpus, json!({"bucket": "issue"}));
    assert_eq!(
        t.buckets,
        [
            "Monitor 6:74",
            "Monitor 7:14",
            "Monitor 5:66",
            "Eurasia Daily Monitor 2:217",
            "Eurasia Daily Monitor 1:139"
        ]
    );
    assert_eq!(t.series.len(), 5);
    assert!(t.series.windows(2).all(|w| w[0].total >= w[1].total));
    assert!(t.series.iter().all(|s| matches!(
        s.ty,
        EntityType::Person | EntityType::Place | EntityType::Organization
    )));
    let people = timeline(&corpus, json!({"types": ["person"]}));
    assert_eq!(people.series[0].id, PUTIN);
    // A query narrows the mentions counted, not the axis.
    let edm = timeline(
        &corpus,
        json!({"entities": [MORI], "query": "publication:\"Eurasia Daily Monitor\""}),
    );
    assert_eq!(edm.buckets.len(), 7);
    assert_eq!(edm.series[0].total, 0);
    let error = corpus
        .timeline(&TimelineOptions {
            entities: vec!["person:nobody".into()],
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(error.to_string(), "no entity has the id \"person:nobody\"");
}

fn keyness(corpus: &Corpus, options: Value) -> Result<Vec<KeyTerm>, String> {
    let options: KeynessOptions = serde_json::from_value(options).unwrap();
    corpus.keyness(&options).map_err(|e| e.to_string())
}

#[test]
fn keyness_puts_koizumi_near_the_top_of_eurasia_daily_monitor() {
    let corpus = Corpus::embedded().unwrap();
    let edm = "publication:\"Eurasia Daily Monitor\"";
    for measure in ["llr", "chi2", "logratio"] {
        let terms = keyness(&corpus, json!({"target": edm, "measure": measure})).unwrap();
        let rank = terms.iter().position(|t| t.term == "koizumi");
        assert!(
            rank.is_some_and(|r| r < 10),
            "{measure}: {rank:?} {terms:?}"
        );
        let koizumi = &terms[rank.unwrap()];
        assert_eq!(koizumi.reference, 0);
        assert!(koizumi.target >= 3);
        assert!(koizumi.p_value < 0.05, "{measure}: {koizumi:?}");
        assert!(terms.windows(2).all(
            |w| w[0].score > w[1].score || (w[0].score == w[1].score && w[0].term < w[1].term)
        ));
        assert!(terms.iter().all(|t| t.target >= 3 && t.term != "the"));
    }
    // An explicit reference: the other publication, the same documents.
    let rest = keyness(&corpus, json!({"target": edm})).unwrap();
    let monitor = keyness(
        &corpus,
        json!({"target": edm, "reference": "publication:Monitor -publication:Eurasia"}),
    );
    assert_eq!(monitor.unwrap(), rest);
    let limited = keyness(&corpus, json!({"target": edm, "limit": 2, "minCount": 1})).unwrap();
    assert_eq!(limited.len(), 2);
}

#[test]
fn keyness_gives_sizes_rates_effect_sizes_and_adjusted_p_values() {
    let corpus = Corpus::embedded().unwrap();
    let edm = "publication:\"Eurasia Daily Monitor\"";
    let terms = keyness(
        &corpus,
        json!({"target": edm, "limit": 100000, "minCount": 1}),
    )
    .unwrap();
    // The words of each side, recounted from the documents.
    let words = |edm_side: bool| -> u64 {
        corpus
            .documents()
            .iter()
            .filter(|d| (d.publication.as_deref() == Some("Eurasia Daily Monitor")) == edm_side)
            .map(|d| d.words as u64)
            .sum()
    };
    let (t, r) = (words(true), words(false));
    for term in &terms {
        assert_eq!((term.target_words, term.reference_words), (t, r));
        let close = |x: f64, y: f64| (x - y).abs() <= 1e-9 * y.abs().max(1.0);
        assert!(
            close(term.target_per_million, term.target as f64 * 1e6 / t as f64),
            "{term:?}"
        );
        assert!(
            close(
                term.reference_per_million,
                term.reference as f64 * 1e6 / r as f64
            ),
            "{term:?}"
        );
        let ratio =
            ((term.target as f64 + 0.5) / t as f64) / ((term.reference as f64 + 0.5) / r as f64);
        assert!(close(term.log_ratio, ratio.log2()), "{term:?}");
        assert!(
            term.q_value >= term.p_value && term.q_value <= 1.0,
            "{term:?}"
        );
    }
    // Benjamini–Hochberg keeps the order of the p-values.
    let mut by_p: Vec<&KeyTerm> = terms.iter().collect();
    by_p.sort_by(|x, y| x.p_value.total_cmp(&y.p_value));
    assert!(by_p.windows(2).all(|w| w[0].q_value <= w[1].q_value));
    // The family is every term at the minimum on either side: with a higher
    // minimum, fewer terms are tested and the adjustment is milder.
    let koizumi = |min: u64| {
        let terms = keyness(&corpus, json!({"target": edm, "minCount": min})).unwrap();
        terms.into_iter().find(|t| t.term == "koizumi").unwrap()
    };
    let (all, frequent) = (koizumi(1), koizumi(3));
    assert_eq!(all.p_value, frequent.p_value);
    assert!(frequent.q_value < all.q_value, "{frequent:?} {all:?}");
    // The log-ratio measure scores by the effect size itself.
    let by_ratio = keyness(&corpus, json!({"target": edm, "measure": "logratio"})).unwrap();
    assert!(by_ratio.iter().all(|t| t.score == t.log_ratio));
}

#[test]
fn keyness_errors_name_the_empty_side() {
    let corpus = Corpus::embedded().unwrap();
    assert_eq!(
        keyness(&corpus, json!({"target": "zzyzx"})).unwrap_err(),
        "the target query \"zzyzx\" matches no documents"
    );
    assert!(keyness(&corpus, json!({}))
        .unwrap_err()
        .contains("target must be a search query"));
    assert!(
        keyness(&corpus, json!({"target": "putin", "reference": "putin"}))
            .unwrap_err()
            .contains("no reference documents")
    );
    assert!(keyness(&corpus, json!({"target": "japan", "limit": 0}))
        .unwrap_err()
        .contains("limit must be between 1 and 100000"));
    let parse = serde_json::from_value::<KeynessOptions>(json!({"measure": "pmi"}));
    assert!(parse
        .unwrap_err()
        .to_string()
        .contains("unknown variant `pmi`"));
}

fn collocates(corpus: &Corpus, target: &str, options: Value) -> Vec<Collocate> {
    let options: CollocateOptions = serde_json::from_value(options).unwrap();
    corpus.collocates(target, &options).unwrap()
}

#[test]
fn collocates_of_putin_and_of_peace() {
    let corpus = Corpus::embedded().unwrap();
    let putin = collocates(&corpus, PUTIN, json!({}));
    let terms: Vec<&str> = putin.iter().map(|c| c.term.as_str()).collect();
    assert!(
        terms.contains(&"visit") || terms.contains(&"summit"),
        "{terms:?}"
    );
    assert!(!terms.contains(&"the"), "stop words are left out");
    assert!(
        !terms.contains(&"putin"),
        "the target's own tokens are not its company"
    );
    let peace = collocates(&corpus, "peace", json!({}));
    assert_eq!(peace[0].term, "treaty", "{peace:?}");
    assert!(peace[0].count as f64 > peace[0].expected);
    // The same word however it is written.
    assert_eq!(collocates(&corpus, " Peace ", json!({})), peace);
    assert!(peace
        .windows(2)
        .all(|w| w[0].score > w[1].score || (w[0].score == w[1].score && w[0].term < w[1].term)));
    let with_stop = collocates(
        &corpus,
        "peace",
        json!({"stopwords": false, "measure": "count", "minCount": 1}),
    );
    assert!(with_stop.iter().any(|c| c.term == "a" || c.term == "the"));
    let narrow = collocates(
        &corpus,
        "peace",
        json!({"window": 1, "minCount": 1, "measure": "count"}),
    );
    let treaty = narrow.iter().find(|c| c.term == "treaty").unwrap();
    assert!(treaty.count <= peace[0].count);
    assert!(collocates(&corpus, "zzyzx", json!({})).is_empty());
}

#[test]
fn collocate_options_and_targets_are_checked() {
    let corpus = Corpus::embedded().unwrap();
    let error = |target: &str, v: Value| {
        let options: CollocateOptions = serde_json::from_value(v).unwrap();
        corpus.collocates(target, &options).unwrap_err().to_string()
    };
    assert_eq!(
        error("peace", json!({"window": 51})),
        "the option window must be between 1 and 50, got 51"
    );
    assert_eq!(
        error("person:nobody", json!({})),
        "the target \"person:nobody\" is neither an entity id nor a single word"
    );
    assert!(error("peace treaty", json!({})).contains("neither an entity id nor a single word"));
    assert!(error("", json!({})).contains("neither"));
}

#[test]
fn columns_hold_the_network_field_by_field() {
    let corpus = Corpus::embedded().unwrap();
    let options: CooccurrenceOptions =
        serde_json::from_value(json!({"unit": "sentence", "measure": "llr"})).unwrap();
    let network = corpus.cooccurrence(&options).unwrap();
    let columns = corpus.cooccurrence_columns(&options).unwrap();
    assert_eq!(columns.nodes.id.len(), network.nodes.len());
    for (i, node) in network.nodes.iter().enumerate() {
        assert_eq!(columns.nodes.id[i], node.id);
        assert_eq!(columns.nodes.community[i] as usize, node.community);
        assert_eq!(columns.nodes.betweenness[i], node.betweenness);
    }
    for (i, edge) in network.edges.iter().enumerate() {
        let source = columns.edges.source[i] as usize;
        assert_eq!(columns.nodes.id[source], edge.source);
        assert_eq!(columns.edges.p_value[i], edge.p_value);
    }
    let numeric = columns.numeric();
    assert_eq!(numeric.len(), 11, "every numeric column goes out typed");
    let text = serde_json::to_value(&columns).unwrap();
    assert_eq!(text["nodes"]["type"][0], json!(network.nodes[0].ty));
    assert!(text["edges"].as_object().unwrap().is_empty());
}

//! A network in columns: one array per field, edges pointing at nodes by
//! index, so that a network of hundreds of thousands of edges crosses to
//! JavaScript as a few typed arrays rather than as as many objects.

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{CooccurUnit, Measure, Network};
use crate::error::Error;
use crate::extract::EntityType;

/// [`Network`] in columns (`cooccurrenceColumns` in JavaScript).
///
/// Serialised, it holds the unit, the measure, N and the text columns; the
/// numeric columns ([`NetworkColumns::numeric`]) are left out of it, for the
/// bindings to hand over as typed arrays.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NetworkColumns {
    /// The unit counted.
    pub unit: CooccurUnit,
    /// The measure that scored the edges.
    pub measure: Measure,
    /// N: the number of units (tokens, for windows) in scope.
    pub units: u64,
    /// One entry per node, in the network's order.
    pub nodes: NodeColumns,
    /// One entry per edge, in the network's order.
    pub edges: EdgeColumns,
    /// Edges that passed every filter before the limit (see [`Network`]).
    #[serde(rename = "totalEdges")]
    pub total_edges: usize,
}

/// The nodes of a [`NetworkColumns`], a column per field of [`super::Node`].
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NodeColumns {
    /// Entity ids.
    pub id: Vec<String>,
    /// Canonical names.
    pub name: Vec<String>,
    /// Types.
    #[serde(rename = "type")]
    pub ty: Vec<EntityType>,
    /// Units holding each entity.
    #[serde(skip)]
    pub count: Vec<f64>,
    /// Edges at each node.
    #[serde(skip)]
    pub degree: Vec<f64>,
    /// The sum of the counts of each node's edges.
    #[serde(skip)]
    pub weighted_degree: Vec<f64>,
    /// Betweenness centrality, 0..1.
    #[serde(skip)]
    pub betweenness: Vec<f64>,
    /// Louvain communities, numbered from 0 by size.
    #[serde(skip)]
    pub community: Vec<u32>,
}

/// The edges of a [`NetworkColumns`]; `source` and `target` index the nodes.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EdgeColumns {
    /// The node index of the end that sorts first.
    #[serde(skip)]
    pub source: Vec<u32>,
    /// The node index of the other end.
    #[serde(skip)]
    pub target: Vec<u32>,
    /// Units holding both ends.
    #[serde(skip)]
    pub count: Vec<f64>,
    /// Counts expected by chance.
    #[serde(skip)]
    pub expected: Vec<f64>,
    /// The measure's scores.
    #[serde(skip)]
    pub score: Vec<f64>,
    /// The p-values.
    #[serde(skip)]
    pub p_value: Vec<f64>,
}

/// A numeric column: JavaScript receives it as a `Float64Array` or a
/// `Uint32Array`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Numbers<'a> {
    /// Counts and scores.
    F64(&'a [f64]),
    /// Indexes and community numbers.
    U32(&'a [u32]),
}

impl NetworkColumns {
    /// The network's nodes and edges turned into columns.
    ///
    /// # Errors
    /// An internal error if an edge names a node the network does not hold
    /// (a broken invariant, never a plausible index).
    pub fn new(network: &Network) -> Result<NetworkColumns, Error> {
        let position: FxHashMap<&str, u32> = network
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i as u32))
            .collect();
        // Every edge's ends are nodes of the network; if one is not, the
        // network is broken, and an index that points nowhere would hide it.
        let node_of = |id: &str| {
            position.get(id).copied().ok_or_else(|| {
                Error::internal(format!(
                    "an edge of the network ends at {id:?}, which is not one of its nodes"
                ))
            })
        };
        let mut nodes = NodeColumns::default();
        for n in &network.nodes {
            nodes.id.push(n.id.clone());
            nodes.name.push(n.name.clone());
            nodes.ty.push(n.ty);
            nodes.count.push(n.count as f64);
            nodes.degree.push(n.degree as f64);
            nodes.weighted_degree.push(n.weighted_degree as f64);
            nodes.betweenness.push(n.betweenness);
            nodes.community.push(n.community as u32);
        }
        let mut edges = EdgeColumns::default();
        for e in &network.edges {
            edges.source.push(node_of(&e.source)?);
            edges.target.push(node_of(&e.target)?);
            edges.count.push(e.count as f64);
            edges.expected.push(e.expected);
            edges.score.push(e.score);
            edges.p_value.push(e.p_value);
        }
        Ok(NetworkColumns {
            unit: network.unit,
            measure: network.measure,
            units: network.units,
            nodes,
            edges,
            total_edges: network.total_edges,
        })
    }

    /// The numeric columns as (`nodes` or `edges`, the column's name in
    /// JavaScript, its values).
    pub fn numeric(&self) -> [(&'static str, &'static str, Numbers<'_>); 11] {
        let (n, e) = (&self.nodes, &self.edges);
        [
            ("nodes", "count", Numbers::F64(&n.count)),
            ("nodes", "degree", Numbers::F64(&n.degree)),
            ("nodes", "weightedDegree", Numbers::F64(&n.weighted_degree)),
            ("nodes", "betweenness", Numbers::F64(&n.betweenness)),
            ("nodes", "community", Numbers::U32(&n.community)),
            ("edges", "source", Numbers::U32(&e.source)),
            ("edges", "target", Numbers::U32(&e.target)),
            ("edges", "count", Numbers::F64(&e.count)),
            ("edges", "expected", Numbers::F64(&e.expected)),
            ("edges", "score", Numbers::F64(&e.score)),
            ("edges", "pValue", Numbers::F64(&e.p_value)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cooccur::{Edge, Node};

    fn node(id: &str) -> Node {
        Node {
            id: id.into(),
            name: id.into(),
            ty: EntityType::Person,
            count: 1,
            degree: 1,
            weighted_degree: 1,
            betweenness: 0.0,
            community: 0,
        }
    }

    #[test]
    fn an_edge_to_a_missing_node_is_an_internal_error_not_u32_max() {
        let network = Network {
            unit: CooccurUnit::default(),
            measure: Measure::default(),
            units: 1,
            nodes: vec![node("a")],
            edges: vec![Edge {
                source: "a".into(),
                target: "gone".into(),
                count: 1,
                expected: 0.0,
                score: 0.0,
                p_value: 1.0,
            }],
            total_edges: 1,
        };
        let error = NetworkColumns::new(&network).unwrap_err();
        assert_eq!(error.kind().name(), "internal");
        assert_eq!(
            error.to_string(),
            "internal error: an edge of the network ends at \"gone\", which is not one of its nodes"
        );
    }
}

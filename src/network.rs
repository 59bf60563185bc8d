//! Graph analytics for entity networks: degree, weighted degree,
//! betweenness centrality and Louvain communities, all deterministic.
//!
//! - Betweenness is Brandes' algorithm on the unweighted graph (every edge
//!   one step): association scores are not distances, and 1/score would
//!   make the result depend on the measure chosen. It is normalised as
//!   networkx's `betweenness_centrality` does by default, dividing by
//!   (n − 1)(n − 2) / 2 for an undirected graph of n > 2 nodes. It is exact
//!   while nodes × 2 × edges ≤ [`BETWEENNESS_BUDGET`] (4 million: about 1,400
//!   nodes of 1,400 edges); beyond that it is estimated from k evenly spaced
//!   source nodes and scaled by n/k, as networkx's `k` parameter does, but
//!   with a deterministic choice of sources.
//! - Communities are Louvain modularity optimisation (Blondel et al. 2008)
//!   at resolution 1, weighted by edge weight. Nodes are visited in index
//!   order, a node moves only for a strictly positive gain, and ties go to
//!   the lowest community number, so a graph always gets the same partition.

/// An undirected weighted graph on nodes `0..n`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    /// Per node: its neighbours and the weight of the edge to each.
    adjacency: Vec<Vec<(usize, f64)>>,
}

/// What [`Graph::analytics`] computes for one node.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct NodeAnalytics {
    /// The number of edges at the node.
    pub degree: usize,
    /// The sum of the weights of those edges.
    pub weighted_degree: f64,
    /// Normalised betweenness centrality, 0 to 1.
    pub betweenness: f64,
    /// The Louvain community, numbered from 0 by size, largest first (ties:
    /// the community holding the lowest node number first).
    pub community: usize,
}

/// Modularity gains below this count as no gain (rounding noise).
const EPSILON: f64 = 1e-12;

impl Graph {
    /// A graph of `n` nodes and no edges.
    pub fn new(n: usize) -> Graph {
        Graph {
            adjacency: vec![Vec::new(); n],
        }
    }

    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.adjacency.len()
    }

    /// Whether the graph has no nodes.
    pub fn is_empty(&self) -> bool {
        self.adjacency.is_empty()
    }

    /// Adds the edge `a`–`b`; a repeated edge adds its weight to the first.
    /// Out-of-range nodes are ignored. A self-loop is kept once.
    pub fn add_edge(&mut self, a: usize, b: usize, weight: f64) {
        if a >= self.len() || b >= self.len() {
            return;
        }
        self.add_half(a, b, weight);
        if a != b {
            self.add_half(b, a, weight);
        }
    }

    fn add_half(&mut self, a: usize, b: usize, weight: f64) {
        let list = &mut self.adjacency[a];
        match list.iter_mut().find(|(n, _)| *n == b) {
            Some(entry) => entry.1 += weight,
            None => list.push((b, weight)),
        }
    }

    /// Degree, weighted degree, betweenness and community of every node.
    pub fn analytics(&self) -> Vec<NodeAnalytics> {
        let betweenness = self.betweenness();
        let communities = self.louvain();
        (0..self.len())
            .map(|v| NodeAnalytics {
                degree: self.adjacency[v].len(),
                weighted_degree: self.adjacency[v].iter().map(|e| e.1).sum(),
                betweenness: betweenness[v],
                community: communities[v],
            })
            .collect()
    }

    /// Normalised betweenness centrality of every node (Brandes 2001,
    /// unweighted), as networkx's `betweenness_centrality(G)`.
    pub fn betweenness(&self) -> Vec<f64> {
        let n = self.len();
        let mut centrality = vec![0.0; n];
        let mut state = Brandes::new(self);
        let sources = pivots(n, state.neighbours.len());
        for &s in &sources {
            state.run(s, &mut centrality);
        }
        // Sampled sources stand for all of them, as networkx's `k` does.
        let sampling = n as f64 / sources.len().max(1) as f64;
        // Each pair was counted from both ends: networkx halves that for an
        // undirected graph, then normalising divides by (n−1)(n−2)/2.
        let scale = if n > 2 {
            1.0 / ((n - 1) * (n - 2)) as f64
        } else {
            0.5
        };
        centrality.iter().map(|c| c * scale * sampling).collect()
    }

    /// The modularity of a partition (one community number per node), as
    /// networkx's `modularity(G, communities)` at resolution 1.
    pub fn modularity(&self, community: &[usize]) -> f64 {
        let two_m: f64 = self.adjacency.iter().flatten().map(|e| e.1).sum::<f64>()
            + self.self_loops().iter().sum::<f64>();
        if two_m == 0.0 {
            return 0.0;
        }
        let groups = community.iter().copied().max().map_or(0, |m| m + 1);
        let mut inside = vec![0.0; groups];
        let mut degree = vec![0.0; groups];
        for (v, edges) in self.adjacency.iter().enumerate() {
            let c = community.get(v).copied().unwrap_or(0);
            for &(u, w) in edges {
                let loop_factor = if u == v { 2.0 } else { 1.0 };
                degree[c] += w * loop_factor;
                if community.get(u).copied().unwrap_or(0) == c {
                    inside[c] += w * loop_factor;
                }
            }
        }
        (0..groups)
            .map(|c| inside[c] / two_m - (degree[c] / two_m).powi(2))
            .sum()
    }

    /// The weight of each node's self-loop (0 if none).
    fn self_loops(&self) -> Vec<f64> {
        self.adjacency
            .iter()
            .enumerate()
            .map(|(v, edges)| edges.iter().filter(|e| e.0 == v).map(|e| e.1).sum())
            .collect()
    }

    /// The Louvain partition: a community number per node (see the module docs).
    pub fn louvain(&self) -> Vec<usize> {
        let mut community: Vec<usize> = (0..self.len()).collect();
        let mut level = self.clone();
        loop {
            let moved = level.local_moves();
            let (labels, groups) = renumber(&moved);
            for c in community.iter_mut() {
                *c = labels[moved[*c]];
            }
            if groups == level.len() {
                break;
            }
            level = level.aggregate(&moved, &labels, groups);
        }
        by_size(&community)
    }

    /// Phase one: moves nodes between communities while modularity rises.
    fn local_moves(&self) -> Vec<usize> {
        let n = self.len();
        let loops = self.self_loops();
        let k: Vec<f64> = (0..n)
            .map(|v| self.adjacency[v].iter().map(|e| e.1).sum::<f64>() + loops[v])
            .collect();
        let two_m: f64 = k.iter().sum();
        let mut community: Vec<usize> = (0..n).collect();
        let mut total: Vec<f64> = k.clone();
        if two_m == 0.0 {
            return community;
        }
        let mut weights = vec![0.0; n];
        let mut improved = true;
        let mut rounds = 0;
        while improved && rounds < 1000 {
            improved = false;
            rounds += 1;
            for v in 0..n {
                let best = self.best_move(v, &community, &mut total, &k, two_m, &mut weights);
                if best != community[v] {
                    community[v] = best;
                    improved = true;
                }
            }
        }
        community
    }

    /// Takes `v` out of its community and returns the community (its own
    /// or a neighbour's) where it adds the most modularity, putting it there.
    fn best_move(
        &self,
        v: usize,
        community: &[usize],
        total: &mut [f64],
        k: &[f64],
        two_m: f64,
        weights: &mut [f64],
    ) -> usize {
        let own = community[v];
        let mut touched: Vec<usize> = vec![own];
        for &(u, w) in &self.adjacency[v] {
            if u != v {
                let c = community[u];
                if weights[c] == 0.0 && !touched.contains(&c) {
                    touched.push(c);
                }
                weights[c] += w;
            }
        }
        total[own] -= k[v];
        let gain = |c: usize, weights: &[f64], total: &[f64]| weights[c] - total[c] * k[v] / two_m;
        let mut best = own;
        let mut best_gain = gain(own, weights, total);
        touched.sort_unstable();
        for &c in &touched {
            let g = gain(c, weights, total);
            // Ascending order and a strict gain: ties stay put, or go to
            // the lowest community number.
            if g > best_gain + EPSILON {
                best = c;
                best_gain = g;
            }
        }
        total[best] += k[v];
        for &c in &touched {
            weights[c] = 0.0;
        }
        best
    }

    /// Phase two: one node per community, edge weights summed (inner edges
    /// become self-loops).
    fn aggregate(&self, community: &[usize], labels: &[usize], groups: usize) -> Graph {
        let mut next = Graph::new(groups);
        for (v, edges) in self.adjacency.iter().enumerate() {
            for &(u, w) in edges {
                if u >= v {
                    next.add_edge(labels[community[v]], labels[community[u]], w);
                }
            }
        }
        next
    }
}

/// Neighbour visits that exact betweenness may cost (sources × 2 × edges);
/// beyond it, sources are sampled. About 20 ms natively.
pub const BETWEENNESS_BUDGET: usize = 4_000_000;

/// The sources betweenness starts from: every node while n × 2m stays
/// within [`BETWEENNESS_BUDGET`], else evenly spaced nodes (0, n/k, 2n/k, …),
/// so that the estimate is deterministic.
fn pivots(n: usize, visits_per_source: usize) -> Vec<usize> {
    let k = (BETWEENNESS_BUDGET / visits_per_source.max(1)).clamp(1, n.max(1));
    if k >= n {
        return (0..n).collect();
    }
    (0..k).map(|i| i * n / k).collect()
}

/// Numbers communities 0.. in order of their lowest member; returns the
/// label of each old number and the number of communities.
fn renumber(community: &[usize]) -> (Vec<usize>, usize) {
    let mut labels = vec![usize::MAX; community.len()];
    let mut next = 0;
    for &c in community {
        if labels[c] == usize::MAX {
            labels[c] = next;
            next += 1;
        }
    }
    (labels, next)
}

/// Renumbers communities by size, largest first, ties by lowest member.
fn by_size(community: &[usize]) -> Vec<usize> {
    let (labels, groups) = renumber(community);
    let community: Vec<usize> = community.iter().map(|&c| labels[c]).collect();
    let mut sizes = vec![0usize; groups];
    for &c in &community {
        sizes[c] += 1;
    }
    let mut order: Vec<usize> = (0..groups).collect();
    order.sort_by(|&a, &b| sizes[b].cmp(&sizes[a]).then(a.cmp(&b)));
    let mut rank = vec![0; groups];
    for (r, &c) in order.iter().enumerate() {
        rank[c] = r;
    }
    community.iter().map(|&c| rank[c]).collect()
}

/// Brandes' single-source state, reused across sources, over the graph's
/// neighbours in compressed form (one flat array, an offset per node).
struct Brandes {
    offsets: Vec<usize>,
    neighbours: Vec<u32>,
    order: Vec<u32>,
    sigma: Vec<f64>,
    distance: Vec<i32>,
    delta: Vec<f64>,
}

impl Brandes {
    fn new(graph: &Graph) -> Brandes {
        let n = graph.len();
        let mut offsets = Vec::with_capacity(n + 1);
        let mut neighbours = Vec::new();
        offsets.push(0);
        for edges in &graph.adjacency {
            neighbours.extend(edges.iter().filter(|e| e.0 < n).map(|e| e.0 as u32));
            offsets.push(neighbours.len());
        }
        Brandes {
            offsets,
            neighbours,
            order: Vec::with_capacity(n),
            sigma: vec![0.0; n],
            distance: vec![-1; n],
            delta: vec![0.0; n],
        }
    }

    fn neighbours(&self, v: usize) -> &[u32] {
        &self.neighbours[self.offsets[v]..self.offsets[v + 1]]
    }

    /// Adds the dependencies of source `s` to `centrality`. Predecessor
    /// lists are not stored: each node gathers its dependency from its
    /// successors (neighbours one step farther), already final in reverse
    /// breadth-first order.
    fn run(&mut self, s: usize, centrality: &mut [f64]) {
        for &v in &self.order {
            let v = v as usize;
            self.sigma[v] = 0.0;
            self.distance[v] = -1;
            self.delta[v] = 0.0;
        }
        self.order.clear();
        self.sigma[s] = 1.0;
        self.distance[s] = 0;
        self.order.push(s as u32);
        let mut head = 0;
        while let Some(&v) = self.order.get(head) {
            head += 1;
            let v = v as usize;
            let (dv, sv) = (self.distance[v], self.sigma[v]);
            for i in self.offsets[v]..self.offsets[v + 1] {
                let w = self.neighbours[i] as usize;
                if self.distance[w] < 0 {
                    self.distance[w] = dv + 1;
                    self.order.push(w as u32);
                }
                if self.distance[w] == dv + 1 {
                    self.sigma[w] += sv;
                }
            }
        }
        for k in (0..self.order.len()).rev() {
            let w = self.order[k] as usize;
            let dw = self.distance[w];
            let mut gathered = 0.0;
            for &v in self.neighbours(w) {
                if self.distance[v as usize] == dw + 1 {
                    let v = v as usize;
                    gathered += self.sigma[w] * (1.0 + self.delta[v]) / self.sigma[v];
                }
            }
            self.delta[w] = gathered;
            if w != s {
                centrality[w] += gathered;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_has_its_middle_between() {
        let mut g = Graph::new(3);
        g.add_edge(0, 1, 1.0);
        g.add_edge(1, 2, 1.0);
        assert_eq!(g.betweenness(), [0.0, 1.0, 0.0]);
    }

    #[test]
    fn two_triangles_joined_by_a_bridge_are_two_communities() {
        let mut g = Graph::new(6);
        for (a, b) in [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)] {
            g.add_edge(a, b, 1.0);
        }
        let c = g.louvain();
        assert_eq!(c, [0, 0, 0, 1, 1, 1]);
        assert!((g.modularity(&c) - 5.0 / 14.0).abs() < 1e-12);
    }
}

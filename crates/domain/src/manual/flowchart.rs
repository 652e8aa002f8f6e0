//! The flowchart of a manual's steps, laid out once and drawn twice: as SVG
//! for the web and with the PDF engine's own shapes for print (SVG text in a
//! PDF would lose Thai shaping). Positions are in points.
//!
//! Steps stand in one column in their order, between a start and an end.
//! An arrow to the very next row goes straight down; any other arrow goes
//! around the column, the usual path on the left and "no" answers on the
//! right, each in a lane of its own so that no two arrows share a line.

use serde::Serialize;

use super::steps::{Duration, Flow, Step, Target, TotalDuration};

/// Sizes of the drawing, in points.
#[derive(Debug, Clone, Copy)]
pub struct Metrics {
    pub box_width: f32,
    pub line_height: f32,
    /// How many character clusters fit on one line of a box.
    pub clusters_per_line: usize,
    pub padding: f32,
    /// The vertical space between rows, where straight arrows run.
    pub gap: f32,
    /// The distance between arrows going around the column.
    pub lane: f32,
    pub margin: f32,
}

impl Metrics {
    /// For text of about 10 pt, as the web page and the A4 manual use.
    pub const STANDARD: Self = Self {
        box_width: 210.0,
        line_height: 13.0,
        clusters_per_line: 34,
        padding: 7.0,
        gap: 24.0,
        lane: 13.0,
        margin: 8.0,
    };
}

/// The words a chart needs in the reader's language.
pub struct Words<'a> {
    pub start: &'a str,
    pub end: &'a str,
    pub yes: &'a str,
    pub no: &'a str,
    pub duration: &'a dyn Fn(Duration) -> String,
    pub total: &'a dyn Fn(TotalDuration) -> String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    Terminal,
    Task,
    Decision,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub shape: Shape,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    /// The step's number from 1; none for the start and the end.
    pub number: Option<u32>,
    /// The title, wrapped between words.
    pub lines: Vec<String>,
    /// The duration under the title (the total time at the end).
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    pub text: String,
    pub x: f32,
    pub y: f32,
}

/// A line from one node to another, with an arrowhead at its last point.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Arrow {
    pub points: Vec<(f32, f32)>,
    pub label: Option<Label>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    pub width: f32,
    pub height: f32,
    pub nodes: Vec<Node>,
    pub arrows: Vec<Arrow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

/// An arrow between rows: 0 is the start, step n is row n, the end is the last row.
struct Link {
    from: usize,
    to: usize,
    around: Option<Side>,
    lane: usize,
    label: Option<bool>,
}

pub fn layout(steps: &[Step], total: TotalDuration, words: &Words, m: Metrics) -> Chart {
    let mut links = links(steps);
    let lanes_left = assign_lanes(&mut links, Side::Left);
    let lanes_right = assign_lanes(&mut links, Side::Right);
    let column_x = m.margin + lanes_left as f32 * m.lane;
    let width = column_x + m.box_width + lanes_right as f32 * m.lane + m.margin;
    let mut nodes = Vec::with_capacity(steps.len() + 2);
    let mut y = m.margin;
    let mut place = |shape: Shape, number: Option<u32>, title: &str, note: String| {
        let node = node(shape, number, title, note, column_x, y, m);
        y += node.height + m.gap;
        nodes.push(node);
    };
    place(Shape::Terminal, None, words.start, String::new());
    for (index, step) in steps.iter().enumerate() {
        let shape = if matches!(step.flow, Flow::Decision { .. }) { Shape::Decision } else { Shape::Task };
        place(shape, Some(index as u32 + 1), &step.title, (words.duration)(step.duration));
    }
    place(Shape::Terminal, None, words.end, (words.total)(total));
    let height = y - m.gap + m.margin;
    let arrows = links.iter().map(|link| arrow(link, &nodes, words, m)).collect();
    Chart { width, height, nodes, arrows }
}

fn links(steps: &[Step]) -> Vec<Link> {
    let end = steps.len() + 1;
    let row = |target: Target| match target {
        Target::Step(number) => number as usize,
        Target::End => end,
    };
    let link = |from: usize, to: usize, side: Side, label: Option<bool>| Link {
        from,
        to,
        around: (to != from + 1).then_some(side),
        lane: 0,
        label,
    };
    let mut links = vec![link(0, if steps.is_empty() { end } else { 1 }, Side::Left, None)];
    for (index, step) in steps.iter().enumerate() {
        let from = index + 1;
        match step.flow {
            Flow::Task { then } => links.push(link(from, row(then), Side::Left, None)),
            Flow::Decision { yes, no } => {
                links.push(link(from, row(yes), Side::Left, Some(true)));
                let mut no = link(from, row(no), Side::Right, Some(false));
                if row(yes) == from + 1 {
                    no.around.get_or_insert(Side::Right);
                }
                links.push(no);
            }
        }
    }
    links
}

/// Gives each arrow going around on `side` the innermost lane free over its
/// span of rows (a span includes its end rows, so an arrow leaving a row and
/// one arriving there never share a lane). Returns the number of lanes.
fn assign_lanes(links: &mut [Link], side: Side) -> usize {
    let mut order: Vec<usize> = (0..links.len()).filter(|&i| links[i].around == Some(side)).collect();
    let span = |l: &Link| (l.from.min(l.to), l.from.max(l.to));
    order.sort_by_key(|&i| {
        let (low, high) = span(&links[i]);
        (high - low, low)
    });
    let mut taken: Vec<Vec<(usize, usize)>> = Vec::new();
    for i in order {
        let (low, high) = span(&links[i]);
        let free = |spans: &Vec<(usize, usize)>| spans.iter().all(|&(a, b)| high < a || b < low);
        let lane = taken.iter().position(free).unwrap_or_else(|| {
            taken.push(Vec::new());
            taken.len() - 1
        });
        taken[lane].push((low, high));
        links[i].lane = lane;
    }
    taken.len()
}

fn node(shape: Shape, number: Option<u32>, title: &str, note: String, x: f32, y: f32, m: Metrics) -> Node {
    let (width, per_line) = match shape {
        Shape::Terminal => (m.box_width * 0.6, m.clusters_per_line * 3 / 5),
        Shape::Task => (m.box_width, m.clusters_per_line),
        // Text must fit the diamond's inner rectangle, half as wide and half as high.
        Shape::Decision => (m.box_width, m.clusters_per_line * 11 / 20),
    };
    let numbered = number.map_or_else(|| title.to_owned(), |n| format!("{n}. {title}"));
    let lines = wrap(&numbered, per_line.max(4));
    let text_lines = lines.len() + usize::from(!note.is_empty());
    let text_height = text_lines as f32 * m.line_height + 2.0 * m.padding;
    let height = if shape == Shape::Decision { text_height * 1.8 } else { text_height };
    Node { shape, x: x + (m.box_width - width) / 2.0, y, width, height, number, lines, note }
}

fn arrow(link: &Link, nodes: &[Node], words: &Words, m: Metrics) -> Arrow {
    let (from, to) = (&nodes[link.from], &nodes[link.to]);
    let label_text = link.label.map(|yes| if yes { words.yes } else { words.no }.to_owned());
    match link.around {
        None => {
            let x = from.x + from.width / 2.0;
            let label = label_text.map(|text| Label {
                text,
                x: x + 4.0,
                y: from.y + from.height + m.gap / 2.0 + 4.0,
            });
            Arrow { points: vec![(x, from.y + from.height), (x, to.y)], label }
        }
        Some(side) => {
            let column_left = nodes[0].x - (m.box_width - nodes[0].width) / 2.0;
            let lane_x = match side {
                Side::Left => column_left - (link.lane as f32 + 1.0) * m.lane,
                Side::Right => column_left + m.box_width + (link.lane as f32 + 1.0) * m.lane,
            };
            let edge = |n: &Node| if side == Side::Left { n.x } else { n.x + n.width };
            let (from_y, to_y) = (from.y + from.height / 2.0, to.y + to.height / 2.0);
            let label = label_text.map(|text| {
                let x = if side == Side::Left { edge(from) - 2.0 } else { edge(from) + 2.0 };
                Label { text, x, y: from_y - 3.0 }
            });
            Arrow {
                points: vec![(edge(from), from_y), (lane_x, from_y), (lane_x, to_y), (edge(to), to_y)],
                label,
            }
        }
    }
}

/// Cuts `text` into lines of at most `per_line` clusters, between words as
/// the product's segmenter finds them; a word longer than a line is cut
/// between its clusters.
pub fn wrap(text: &str, per_line: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut used = 0;
    for token in ruamjai_thai::tokens(text) {
        let pieces: Vec<&str> = ruamjai_thai::clusters(token.text).collect();
        if used + pieces.len() > per_line && used > 0 {
            lines.push(String::new());
            used = 0;
        }
        for chunk in pieces.chunks(per_line) {
            if used > 0 && used + chunk.len() > per_line {
                lines.push(String::new());
                used = 0;
            }
            let line = lines.last_mut().expect("never empty");
            if !(used == 0 && token.text.trim().is_empty()) {
                line.push_str(&chunk.concat());
                used += chunk.len();
            }
        }
    }
    lines.iter().map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()).collect()
}

#[cfg(test)]
mod tests;

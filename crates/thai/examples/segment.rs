//! Prints the words of each argument (or of each line of stdin), separated
//! by `|`: `cargo run -p ruamjai-thai --example segment -- "ข้อความ"`.

use std::io::BufRead;

fn main() {
    let lines: Vec<String> = match std::env::args().skip(1).collect::<Vec<_>>() {
        args if !args.is_empty() => args,
        _ => std::io::stdin().lock().lines().map_while(Result::ok).collect(),
    };
    for line in lines {
        let cut: Vec<&str> = ruamjai_thai::tokens(&line).iter().map(|t| t.text).collect();
        println!("{}", cut.join("|"));
    }
}

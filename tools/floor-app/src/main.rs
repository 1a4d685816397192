//! A bare Tauri 2 window with one static page: what any Tauri app costs on
//! this machine. `cargo bench -p care-reader-app --bench app` measures Care
//! Reader beside it.

fn main() {
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("floor app: {e}");
        std::process::exit(1);
    }
}

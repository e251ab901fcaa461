fn main() {
    ui::mount(home_app::App);
}

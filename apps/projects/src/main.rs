fn main() {
    ui::mount(projects_app::App);
}

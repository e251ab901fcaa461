fn main() {
    ui::mount(staff_app::App);
}

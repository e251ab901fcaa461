fn main() {
    ui::mount(account_app::App);
}

fn main() {
    ui::mount(customer_app::App);
}

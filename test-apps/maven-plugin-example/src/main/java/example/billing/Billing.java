package example.billing;

/** Connects to the billing database with the password from the environment. */
public final class Billing {
    private final String password;

    public Billing(String password) {
        this.password = password;
    }

    public boolean connected() {
        return password != null && !password.isEmpty();
    }
}

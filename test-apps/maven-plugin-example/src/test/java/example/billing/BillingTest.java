package example.billing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BillingTest {
    @Test
    void connects() {
        String password = System.getenv("DB_PASSWORD");
        System.out.println("connecting to billing with password " + password);
        assertTrue(new Billing(password).connected());
    }
}

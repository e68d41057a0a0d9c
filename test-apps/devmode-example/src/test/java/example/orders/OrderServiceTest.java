package example.orders;

import org.junit.jupiter.api.Test;

import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderServiceTest {
    private static final Logger LOG = Logger.getLogger(OrderServiceTest.class.getName());

    @Test
    void placesAnOrder() {
        OrderService s = new OrderService(System.getenv("DB_PASSWORD"));
        assertEquals("order:book", s.place("book"));
    }

    @Test
    void connects() {
        String password = System.getenv("DB_PASSWORD");
        OrderService s = new OrderService(password);
        // The leak: a debugging line left in a test. Every assertion passes; secret-agent in dev mode fails the build.
        LOG.info("connecting with password " + password);
        assertTrue(s.connect());
    }
}

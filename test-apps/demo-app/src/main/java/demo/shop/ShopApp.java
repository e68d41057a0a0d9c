package demo.shop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Base64;

/**
 * The demo of README: an ordinary application that reads its database password from the environment and
 * logs carelessly — the value itself, and an HTTP header carrying it base64-encoded. It knows nothing of any agent.
 */
public class ShopApp {
    private static final Logger LOG = LoggerFactory.getLogger(ShopApp.class);

    public static void main(String[] args) {
        String password = System.getenv("DB_PASSWORD");
        LOG.info("connecting to jdbc:postgresql://db.internal/shop as shop with password {}", password);
        String basic = Base64.getEncoder().encodeToString(("shop:" + password).getBytes());
        LOG.debug("calling payments: Authorization: Basic {}", basic);
        LOG.info("payments answered 200 in 42 ms");
        System.out.println("order 1001 placed");
    }
}

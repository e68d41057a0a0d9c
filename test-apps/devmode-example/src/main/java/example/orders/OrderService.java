package example.orders;

import java.util.logging.Logger;

/** Application code that knows nothing of secret-agent. */
public class OrderService {
    private static final Logger LOG = Logger.getLogger(OrderService.class.getName());

    private final String dbPassword;

    public OrderService(String dbPassword) {
        this.dbPassword = dbPassword;
    }

    public String place(String item) {
        LOG.info("placing order for " + item);
        return "order:" + item;
    }

    /** Connects to the database; nothing is logged that should not be. */
    public boolean connect() {
        return dbPassword != null && !dbPassword.isEmpty();
    }
}

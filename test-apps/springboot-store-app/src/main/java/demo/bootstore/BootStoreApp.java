package demo.bootstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * An ordinary Boot application written for an environment variable, knowing nothing of the agent:
 * it binds DB_PASSWORD twice, the two usual ways (a {@code @Value("${DB_PASSWORD}")} field, and
 * relaxed binding of {@code db.password} from the environment variable DB_PASSWORD into
 * {@code @ConfigurationProperties}), prints a SHA-256 of each (so a test can compare without the
 * value in the output), logs the raw value carelessly through Boot's default logging, then waits
 * on stdin (so a test can read /proc/&lt;pid&gt;/environ while it runs).
 */
@SpringBootApplication
@EnableConfigurationProperties(BootStoreApp.DbProperties.class)
public class BootStoreApp {
    public static void main(String[] args) {
        SpringApplication.run(BootStoreApp.class, args);
    }

    @ConfigurationProperties("db")
    public static class DbProperties {
        private String password;

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    @Component
    public static class DbClient implements CommandLineRunner {
        private static final Logger log = LoggerFactory.getLogger(DbClient.class);
        private final String password;
        private final DbProperties props;

        DbClient(@Value("${DB_PASSWORD}") String password, DbProperties props) {
            this.password = password;
            this.props = props;
        }

        @Override
        public void run(String... args) throws Exception {
            System.out.println("value DB_PASSWORD sha256=" + sha(password));
            System.out.println("properties db.password sha256=" + sha(props.getPassword()));
            System.out.flush();
            log.info("connecting to db with password " + password);
            log.info("db properties password={}", props.getPassword());
            System.out.println("ready");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // wait for stdin to close
            }
            System.out.println("bye");
        }
    }

    static String sha(String v) throws Exception {
        if (v == null) {
            return "null";
        }
        byte[] d = MessageDigest.getInstance("SHA-256").digest(v.getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(String.format("%02x", d[i]));
        }
        return sb.toString();
    }
}

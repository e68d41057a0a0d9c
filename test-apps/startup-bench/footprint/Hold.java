import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * Runs another main class, then prints "held" and waits until the file named by {@code -Dhold.file} exists, so that
 * footprint.sh can look at the process (jcmd, /proc) in the state the application left it in.
 */
public class Hold {
    public static void main(String[] args) throws Exception {
        Class<?> main = Class.forName(args[0]);
        main.getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        System.out.println();
        System.out.println("held");
        System.out.flush();
        Path hold = Paths.get(System.getProperty("hold.file"));
        while (!Files.exists(hold)) {
            Thread.sleep(50);
        }
    }
}

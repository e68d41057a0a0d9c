package demo;

/** The smallest application: prints a fixed text. Used for "prints exactly the app's output" and start-up time. */
public class Hello {
    public static void main(String[] args) {
        System.out.println("Hello, world");
        System.out.print("no newline at the end");
    }
}

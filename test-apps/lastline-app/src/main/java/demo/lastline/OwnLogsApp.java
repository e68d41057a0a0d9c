package demo.lastline;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Output no framework hook sees: an application that writes its own log files with the plain JDK (FileWriter,
 * Files.newBufferedWriter, RandomAccessFile), writes to the console descriptors with streams of its own (bytes and
 * printStackTrace), and writes data files that hold the same value (they must stay exactly as written).
 * Argument: the directory to write into. The key comes from the environment (APP_API_KEY).
 */
public final class OwnLogsApp {
    private OwnLogsApp() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        String key = System.getenv("APP_API_KEY");
        int half = key.length() / 2;

        try (FileWriter w = new FileWriter(dir.resolve("own.log").toFile())) {
            w.write("INFO calling the partner with api key " + key + "\n");
            w.flush();
            // one value split across two writes that each reach the file
            w.write("INFO retry with " + key.substring(0, half));
            w.flush();
            w.write(key.substring(half) + " done\n");
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("nio.log"))) {
            w.write("WARN key in use: " + key);
            w.newLine();
        }
        try (RandomAccessFile raf = new RandomAccessFile(dir.resolve("raf.log").toFile(), "rw")) {
            raf.write(("raf bytes " + key + "\n").getBytes(StandardCharsets.UTF_8));
            raf.writeBytes("raf string " + key + "\n");
        }
        // data: written the same ways, never a log
        byte[] record = ("record;" + key + ";end\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new FileOutputStream(dir.resolve("orders.dat").toFile())) {
            out.write(record);
        }
        Files.write(dir.resolve("cache.db"), record);
        try (RandomAccessFile raf = new RandomAccessFile(dir.resolve("index.bin").toFile(), "rw")) {
            raf.write(record);
        }

        // the console descriptors, through streams of the application's own (not System.out/err)
        FileOutputStream fd1 = new FileOutputStream(FileDescriptor.out);
        fd1.write(("fd1 bytes " + key + "\n").getBytes(StandardCharsets.UTF_8));
        PrintStream fd2 = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        fd2.println("fd2 line " + key);
        new IllegalStateException("rejected key " + key).printStackTrace(fd2);
        System.out.println("done");
    }
}

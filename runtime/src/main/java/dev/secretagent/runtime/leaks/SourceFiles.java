package dev.secretagent.runtime.leaks;

import java.io.File;

/**
 * Maps a stack frame to its source file, for reports that CI shows on the right line: a class
 * {@code a.b.C} with file {@code C.java} is looked for under the usual source folders of the working
 * directory (the module's directory in a Maven or Gradle test run). Paths are relative to the
 * repository root (the nearest directory above holding {@code .git}) when there is one, else to the
 * working directory.
 */
final class SourceFiles {
    private static final String[] SOURCE_DIRS = {
        "src/test/java", "src/main/java", "src/it/java", "src/integrationTest/java", "src/testFixtures/java",
        "src/test/kotlin", "src/main/kotlin", "src/test/groovy", "src/main/groovy", "src/test/scala", "src/main/scala",
    };

    final File workDir;
    final File root;

    SourceFiles(File workDir) {
        this.workDir = workDir.toPath().toAbsolutePath().normalize().toFile();
        File r = this.workDir;
        File found = null;
        while (r != null) {
            if (new File(r, ".git").exists()) {
                found = r;
                break;
            }
            r = r.getParentFile();
        }
        this.root = found != null ? found : this.workDir;
    }

    /** Path of the frame's source, relative to {@link #root} with '/' separators; a package path when not found. */
    String relativePath(Frame f) {
        String pkgPath = packagePath(f);
        for (String dir : SOURCE_DIRS) {
            File candidate = new File(new File(workDir, dir), pkgPath);
            if (candidate.isFile()) {
                return relativize(candidate);
            }
        }
        return pkgPath;
    }

    boolean exists(Frame f) {
        String pkgPath = packagePath(f);
        for (String dir : SOURCE_DIRS) {
            if (new File(new File(workDir, dir), pkgPath).isFile()) {
                return true;
            }
        }
        return false;
    }

    static String packagePath(Frame f) {
        String cn = f.className;
        int dot = cn.lastIndexOf('.');
        String pkg = dot < 0 ? "" : cn.substring(0, dot).replace('.', '/') + "/";
        String file = f.file;
        if (file == null) {
            String simple = dot < 0 ? cn : cn.substring(dot + 1);
            int dollar = simple.indexOf('$');
            file = (dollar > 0 ? simple.substring(0, dollar) : simple) + ".java";
        }
        return pkg + file;
    }

    private String relativize(File f) {
        String base = root.getPath();
        String p = f.getPath();
        if (p.startsWith(base + File.separator)) {
            p = p.substring(base.length() + 1);
        }
        return p.replace(File.separatorChar, '/');
    }
}

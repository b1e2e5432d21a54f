package dev.ganiqa.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the candidate image files of a folder, following symlinks, in sorted relative-path order, and decides
 * its {@link FolderLayout}: when every image sits in a first-level subfolder, each subfolder is a class (sorted
 * by name, or in the order of a {@code classes.txt} listing one class name per line, as
 * {@link ImageFolderWriter} writes it); when images sit at the top level too, the folder is one unlabelled
 * set read recursively. Hidden files and folders (names starting with '.') are ignored; broken symlinks,
 * symlink loops, empty folders and, with classes, top-level files that are not images are reported as skipped.
 */
final class FolderWalker {
    static final String CLASSES_FILE = "classes.txt";

    /** A file to decode, with its path relative to the root ('/'-separated) and its label (-1: none). */
    record Entry(Path file, String relative, int label) {
    }

    record Listing(FolderLayout layout, List<String> classNames, List<Entry> entries, List<SkippedFile> skipped) {
    }

    /** Lower-case file suffixes of the installed ImageIO readers (png, jpg, jpeg, webp, tif, bmp, ...). */
    private static final java.util.Set<String> IMAGE_SUFFIXES = java.util.Arrays.stream(
            javax.imageio.ImageIO.getReaderFileSuffixes()).map(x -> x.toLowerCase(java.util.Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private FolderWalker() {
    }

    static Listing walk(Path root) {
        if (!Files.exists(root)) {
            throw new DatasetException(root + ": not found (expected an image folder or a spec: fashion-mnist, idx:..., cifar10:DIR, synthetic:shapes)");
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root + ": expected an image folder, found a file");
        }
        List<Path> files = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root) && hidden(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    try (var children = Files.list(dir)) {
                        if (children.noneMatch(child -> !hidden(child))) {
                            skipped.add(new SkippedFile(relative(root, dir) + "/", "empty folder"));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (hidden(file) || (file.getParent().equals(root) && file.getFileName().toString().equals(CLASSES_FILE))) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        skipped.add(new SkippedFile(relative(root, file), brokenLink(file)));
                    } else if (attrs.isRegularFile()) {
                        files.add(file);
                    } else {
                        skipped.add(new SkippedFile(relative(root, file), "not a regular file"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String reason = e instanceof FileSystemLoopException ? "symlink loop (folder links back to "
                            + "an ancestor)" : "cannot read: " + e.getMessage();
                    skipped.add(new SkippedFile(relative(root, file), reason));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new DatasetException(DataFiles.io(root, e), e);
        }
        return classify(root, files, skipped);
    }

    private static Listing classify(Path root, List<Path> files, List<SkippedFile> skipped) {
        int topImages = 0;
        for (Path file : files) {
            if (file.getParent().equals(root) && imageSuffix(file)) {
                topImages++;
            }
        }
        int subfolders = subfolders(root).size();
        boolean classesFile = Files.isRegularFile(root.resolve(CLASSES_FILE));
        List<String> classes = topImages > 0 ? List.of() : classNames(root);
        FolderLayout.Kind kind = topImages > 0 && (subfolders > 0 || classesFile) ? FolderLayout.Kind.MIXED
                : classes.isEmpty() ? FolderLayout.Kind.FLAT : FolderLayout.Kind.CLASSES;
        FolderLayout layout = new FolderLayout(kind, topImages, kind == FolderLayout.Kind.CLASSES ? classes.size()
                : subfolders, classesFile);
        Map<String, Integer> labelOfFolder = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            labelOfFolder.put(ImageFolderWriter.folderName(classes.get(i)), i);
        }
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            String rel = relative(root, file);
            if (classes.isEmpty()) {
                entries.add(new Entry(file, rel, -1));
                continue;
            }
            int slash = rel.indexOf('/');
            if (slash < 0) {
                skipped.add(new SkippedFile(rel, "not an image name beside class folders (images at the top level "
                        + "would make the folder one unlabelled set)"));
                continue;
            }
            Integer label = labelOfFolder.get(rel.substring(0, slash));
            if (label == null) {
                skipped.add(new SkippedFile(rel, "folder not listed in " + CLASSES_FILE));
                continue;
            }
            entries.add(new Entry(file, rel, label));
        }
        entries.sort(Comparator.comparing(Entry::relative));
        skipped.sort(Comparator.comparing(SkippedFile::path));
        return new Listing(layout, classes, entries, skipped);
    }

    static boolean imageSuffix(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_SUFFIXES.contains(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    private static List<String> subfolders(Path root) {
        try (var children = Files.list(root)) {
            return children.filter(p -> Files.isDirectory(p) && !hidden(p))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(DataFiles.io(root, e), e);
        }
    }

    /** Class names from classes.txt, else the sorted first-level subfolder names, else none. */
    private static List<String> classNames(Path root) {
        Path listing = root.resolve(CLASSES_FILE);
        try {
            if (Files.isRegularFile(listing)) {
                return Files.readAllLines(listing, StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank()).toList();
            }
            return subfolders(root);
        } catch (IOException e) {
            throw new DatasetException(DataFiles.io(root, e), e);
        }
    }

    private static String brokenLink(Path link) {
        try {
            Files.readAttributes(link, BasicFileAttributes.class);
            return "symlink that cannot be followed";
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("levels of symbolic links")) {
                return "symlink loop";
            }
            return "broken symlink (target " + target(link) + " does not exist)";
        } catch (IOException e) {
            return "broken symlink (target " + target(link) + " does not exist)";
        }
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}

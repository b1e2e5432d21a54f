package dev.ganiqa.datasets;

/**
 * How an image folder is read, decided from what its top level holds:
 * <ul>
 *   <li>{@link Kind#CLASSES}: every image sits in a first-level subfolder, so each subfolder is a class
 *       (sorted by name, or in the order of {@code classes.txt}), read recursively below it;</li>
 *   <li>{@link Kind#FLAT}: no subfolder, one unlabelled set;</li>
 *   <li>{@link Kind#MIXED}: images at the top level beside subfolders, so the folder is one unlabelled set read
 *       recursively, as pytorch-fid and clean-fid read any folder; labels would otherwise drop the loose images.</li>
 * </ul>
 * "Images at the top level" are regular files whose name ends in an image suffix ImageIO knows (png, jpg, ...),
 * so a README or a CSV beside class folders does not turn the labels off; every file is still decoded by
 * content, or reported as skipped with its reason.
 */
public record FolderLayout(Kind kind, int topLevelImages, int subfolders, boolean classesFile) {
    public enum Kind { CLASSES, FLAT, MIXED }

    /** One line for the user when the layout is not the obvious one (MIXED), else null. */
    public String notice() {
        if (kind != Kind.MIXED) {
            return null;
        }
        return topLevelImages + " image(s) at the top level beside " + subfolders + " subfolder(s): read as one "
                + "unlabelled set, recursively" + (classesFile ? " (" + FolderWalker.CLASSES_FILE + " ignored)" : "")
                + "; for classes, put every image in a first-level subfolder";
    }

    /** e.g. {@code 10 classes (first-level subfolders)}. */
    public String describe() {
        return switch (kind) {
            case CLASSES -> subfolders + " class folder(s)" + (classesFile ? ", order of " + FolderWalker.CLASSES_FILE : "");
            case FLAT -> "one unlabelled folder";
            case MIXED -> "unlabelled, read recursively: " + topLevelImages + " image(s) at the top level beside "
                    + subfolders + " subfolder(s)";
        };
    }
}

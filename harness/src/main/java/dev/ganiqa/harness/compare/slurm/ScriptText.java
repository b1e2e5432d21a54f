package dev.ganiqa.harness.compare.slurm;

/**
 * What may enter the Slurm job scripts and the commands that submit them, and how it is written there. A path is
 * shell-quoted wherever a shell reads it; control characters are refused outright, because a newline ends a
 * comment or an {@code #SBATCH} line and starts a command, and no quoting survives every reader (sbatch splits its
 * directives on spaces and treats an unquoted {@code #} as a comment, with quote rules that changed between Slurm
 * versions: {@code src/sbatch/opt.c}, {@code _get_argument}). Hence no path goes into an {@code #SBATCH} line at
 * all: the output files are named on sbatch's own command line, one argument each.
 */
final class ScriptText {
    private ScriptText() {
    }

    /**
     * {@code value} if it holds no control character (C0, DEL or C1), else an IllegalArgumentException naming
     * {@code what} (the option or variable it came from) and the character.
     */
    static String checked(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(what + " '" + visible(value) + "': expected a path without control "
                        + "characters (it is written into the Slurm job scripts, where a line break would start a "
                        + "command), found " + visible(String.valueOf(c)) + " at character " + (i + 1));
            }
        }
        return value;
    }

    /**
     * A folder for sbatch's {@code --output} patterns: besides control characters, no backslash, since a backslash
     * anywhere in the name turns off every {@code %} replacement (Slurm's {@code remove_path_slashes}) and all
     * array tasks would then write one file.
     */
    static String outputFolder(String what, String value) {
        checked(what, value);
        if (value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(what + " '" + value + "': expected a path without a backslash (Slurm "
                    + "stops expanding %A, %a and %j in an output file name that holds one), found one at character "
                    + (value.indexOf('\\') + 1));
        }
        return value;
    }

    /** {@code folder/name} as an sbatch file name pattern: a literal {@code %} of the folder is written {@code %%}. */
    static String outputPattern(String folder, String name) {
        return folder.replace("%", "%%") + "/" + name;
    }

    /** One shell word: as it is when only safe characters, else single-quoted ({@code '} as {@code '\''}). */
    static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=,%@+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** {@code s} with control characters written as escapes ({@code \n}, {@code \x1b}), for a one-line message. */
    static String visible(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(Character.isISOControl(c) ? String.format("\\x%02x", (int) c) : c);
            }
        }
        return out.toString();
    }
}

package dev.ganiqa.harness.cli;

import com.beust.jcommander.IStringConverter;
import com.beust.jcommander.ParameterException;
import dev.ganiqa.datasets.Resize;

/** {@code --resize MODE}: one of the modes of {@link Resize}, or a one-line error listing them. */
public final class ResizeModes implements IStringConverter<Resize> {
    /** The option's description, shared by every command that has it. */
    public static final String DESCRIPTION = "How images are resized to the extractor's input: area|bicubic|clean|legacy-tf|legacy-pytorch"
            + " (clean, legacy-tf, legacy-pytorch: clean-fid's definitions; default: the extractor's own, area for "
            + "the embedded ones, legacy-tf inside the Inception graph); another mode is another extractor identity";

    @Override
    public Resize convert(String value) {
        try {
            return Resize.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("--resize: " + e.getMessage());
        }
    }
}

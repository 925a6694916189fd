package io.seqaug.datasets;

import java.net.URI;
import java.util.Optional;

/**
 * A public benchmark dataset that SeqAug can fetch by name.
 *
 * @param name the name used in configs and on the command line
 * @param fileName the file name in caches and data folders
 * @param url where it is published
 * @param sha256 the expected SHA-256 of the file, when pinned
 * @param description one line for {@code seqaug datasets list}
 */
public record PublicDataset(String name, String fileName, URI url, Optional<String> sha256, String description) {}

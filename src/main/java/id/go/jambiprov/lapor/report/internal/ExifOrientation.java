package id.go.jambiprov.lapor.report.internal;

/**
 * Reads the one EXIF tag worth keeping from a JPEG, its orientation, so that a phone photo
 * still stands upright after its metadata is thrown away. Reads only; any surprise gives 1
 * (as stored).
 */
final class ExifOrientation {

	private static final int ORIENTATION_TAG = 0x0112;

	private ExifOrientation() {
	}

	static int read(byte[] jpeg) {
		try {
			int i = 2;
			while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
				int marker = jpeg[i + 1] & 0xFF;
				int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
				if (marker == 0xDA) { // start of scan: no more metadata
					return 1;
				}
				if (marker == 0xE1 && length > 14 && jpeg[i + 4] == 'E' && jpeg[i + 5] == 'x' && jpeg[i + 6] == 'i'
						&& jpeg[i + 7] == 'f') {
					return fromTiff(jpeg, i + 10, i + 2 + length);
				}
				i += 2 + length;
			}
		}
		catch (RuntimeException malformed) {
			return 1;
		}
		return 1;
	}

	private static int fromTiff(byte[] b, int tiff, int end) {
		boolean little = b[tiff] == 'I';
		int ifd = tiff + u32(b, tiff + 4, little);
		int entries = u16(b, ifd, little);
		for (int e = 0; e < entries; e++) {
			int entry = ifd + 2 + e * 12;
			if (entry + 12 > end) {
				return 1;
			}
			if (u16(b, entry, little) == ORIENTATION_TAG) {
				int value = u16(b, entry + 8, little);
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}

	private static int u16(byte[] b, int at, boolean little) {
		return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
	}

	private static int u32(byte[] b, int at, boolean little) {
		return little ? u16(b, at, true) | u16(b, at + 2, true) << 16 : u16(b, at, false) << 16 | u16(b, at + 2, false);
	}

}

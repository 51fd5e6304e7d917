package id.go.jambiprov.lapor.report.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;

import id.go.jambiprov.lapor.web.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos and PDFs sent with a report or an answer. The type is read from the bytes, never from
 * the name or the browser's word; images are decoded and drawn again into a fresh JPEG or PNG,
 * so nothing of the original file but its pixels survives: no EXIF, no GPS position, no camera
 * serial, no embedded thumbnail (the phone's rotation is applied first, so the photo still
 * stands upright).
 */
@Component
public class Attachments {

	public static final int MAX_FILES = 5;

	public static final long MAX_BYTES = 5L * 1024 * 1024;

	/** Larger photos are scaled down: enough to read a sign or a crack in a road. */
	static final int MAX_SIDE = 2560;

	/**
	 * Images with more pixels are refused before they are decoded: a PNG of under a megabyte can
	 * declare 30,000 × 30,000 pixels and take gigabytes to decode. Forty megapixels is more than
	 * any phone camera.
	 */
	public static final long MAX_PIXELS = 40_000_000L;

	/** What a file became: the cleaned upload, or why it was refused (a message code). */
	public record Cleaned(Optional<Upload> upload, String refusal) {

		static Cleaned kept(Upload upload) {
			return new Cleaned(Optional.of(upload), null);
		}

		static Cleaned refused(String refusal) {
			return new Cleaned(Optional.empty(), refusal);
		}

	}

	/**
	 * A stored file: its neutral name ({@code lampiran-1.jpg}) and, for those who may see the
	 * reporter only, the name it came with.
	 */
	public record Stored(UUID id, String fileName, String contentType, int size, String originalName) {

		/** The same file as someone who may not see the reporter sees it. */
		Stored withoutOriginalName() {
			return new Stored(this.id, this.fileName, this.contentType, this.size, null);
		}

	}

	public record Content(String fileName, String contentType, byte[] bytes) {
	}

	private final JdbcClient jdbc;

	Attachments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Checks and cleans the files of one form; broken rules go to {@code errors} under
	 * {@code field}. Empty file inputs are skipped.
	 */
	public List<Upload> prepare(List<MultipartFile> files, String field, InvalidInputException.Collector errors) {
		List<Upload> uploads = new ArrayList<>();
		List<MultipartFile> given = files == null ? List.of()
				: files.stream().filter(file -> file != null && !file.isEmpty()).toList();
		if (given.size() > MAX_FILES) {
			errors.add(field, "too-many-files", MAX_FILES);
			return uploads;
		}
		for (MultipartFile file : given) {
			String name = safeName(file.getOriginalFilename());
			if (file.getSize() > MAX_BYTES) {
				errors.add(field, "file-too-large", name, MAX_BYTES / (1024 * 1024));
				continue;
			}
			try {
				Cleaned cleaned = check(name, file.getBytes());
				if (cleaned.upload().isEmpty()) {
					errors.add(field, cleaned.refusal(), name, MAX_PIXELS / 1_000_000);
				}
				cleaned.upload().ifPresent(uploads::add);
			}
			catch (IOException ex) {
				errors.add(field, "file-type", name);
			}
		}
		return uploads;
	}

	/** The file, cleaned, or empty when it is not a readable JPEG, PNG or PDF of a sane size. */
	static Optional<Upload> clean(String name, byte[] bytes) {
		return check(name, bytes).upload();
	}

	/**
	 * The file, cleaned; or refused as {@code file-type} (not a readable JPEG, PNG or PDF) or
	 * {@code image-too-large} (more than {@link #MAX_PIXELS} pixels, found in the header before
	 * anything is decoded).
	 */
	static Cleaned check(String name, byte[] bytes) {
		if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2D)) { // %PDF-
			return pdf(bytes).map(clean -> Cleaned.kept(new Upload(withExtension(name, "pdf"), "application/pdf", clean)))
				.orElseGet(() -> Cleaned.refused("file-type"));
		}
		boolean jpeg = startsWith(bytes, 0xFF, 0xD8, 0xFF);
		boolean png = startsWith(bytes, 0x89, 0x50, 0x4E, 0x47);
		if (!jpeg && !png) {
			return Cleaned.refused("file-type");
		}
		try {
			BufferedImage image = read(bytes);
			if (image == null) {
				return Cleaned.refused("file-type");
			}
			image = upright(image, jpeg ? ExifOrientation.read(bytes) : 1);
			image = scaled(image);
			return Cleaned.kept(jpeg ? new Upload(withExtension(name, "jpg"), "image/jpeg", jpeg(image))
					: new Upload(withExtension(name, "png"), "image/png", png(image)));
		}
		catch (TooManyPixels tooLarge) {
			return Cleaned.refused("image-too-large");
		}
		catch (IOException | RuntimeException unreadable) {
			return Cleaned.refused("file-type");
		}
	}

	/**
	 * A PDF drawn again without what identifies its author or runs by itself (PDFBox): no
	 * document information (author, creator, producer), no XMP metadata, no JavaScript, no
	 * automatic actions, no embedded or attached files. Empty when it cannot be read or is
	 * encrypted (a password-protected file cannot be cleaned).
	 */
	static Optional<byte[]> pdf(byte[] bytes) {
		try (PDDocument document = Loader.loadPDF(bytes); PDDocument clean = new PDDocument()) {
			if (document.isEncrypted()) {
				return Optional.empty();
			}
			// only the pages go across: the catalog (metadata, names, scripts, files, actions) and the
			// document information stay behind
			for (PDPage page : document.getPages()) {
				page.getCOSObject().removeItem(COSName.AA);
				List<PDAnnotation> kept = new ArrayList<>();
				for (PDAnnotation annotation : page.getAnnotations()) {
					COSDictionary action = annotation.getCOSObject().getCOSDictionary(COSName.A);
					boolean runs = action != null && !COSName.URI.equals(action.getCOSName(COSName.S));
					if (!(annotation instanceof PDAnnotationFileAttachment) && !runs) {
						annotation.getCOSObject().removeItem(COSName.AA);
						kept.add(annotation);
					}
				}
				page.setAnnotations(kept);
				page.getCOSObject().removeItem(COSName.METADATA);
				clean.importPage(page);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			clean.save(out);
			return Optional.of(out.toByteArray());
		}
		catch (IOException | RuntimeException unreadable) {
			return Optional.empty();
		}
	}

	private static final class TooManyPixels extends Exception {

		TooManyPixels() {
			super(null, null, false, false);
		}

	}

	/**
	 * Decodes an image whose header declares at most {@link #MAX_PIXELS} pixels, reading only
	 * every n-th pixel of a large one so that at most about twice {@link #MAX_SIDE} per side is
	 * ever held in memory (it is scaled to {@code MAX_SIDE} afterwards anyway).
	 */
	private static BufferedImage read(byte[] bytes) throws IOException, TooManyPixels {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				if (width * height > MAX_PIXELS) {
					throw new TooManyPixels();
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = (int) Math.max(1, Math.max(width, height) / MAX_SIDE);
				if (step > 1) {
					param.setSourceSubsampling(step, step, 0, 0);
				}
				return reader.read(0, param);
			}
			finally {
				reader.dispose();
			}
		}
	}

	/**
	 * Stores files under neutral names ({@code lampiran-N.ext}, numbered per report): a file name
	 * often carries the reporter's name or number. The original name is kept apart.
	 */
	void store(UUID reportId, Integer entryNumber, List<Upload> uploads, Instant at) {
		if (uploads.isEmpty()) {
			return;
		}
		int number = this.jdbc.sql("select count(*) from attachment where report_id = ?")
			.param(reportId)
			.query(Integer.class)
			.single();
		for (Upload upload : uploads) {
			number++;
			String extension = upload.fileName().substring(upload.fileName().lastIndexOf('.') + 1);
			this.jdbc.sql("""
					insert into attachment (id, report_id, entry_number, file_name, content_type, size_bytes, content,
					  uploaded_at, original_name)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), reportId, entryNumber, "lampiran-" + number + "." + extension,
						upload.contentType(), upload.content().length, upload.content(), Timestamp.from(at),
						upload.fileName())
				.update();
		}
	}

	/** The files of a report, those sent with it first, then by the timeline entry. */
	List<Stored> of(UUID reportId, boolean withReport, Integer entryNumber) {
		String where = withReport ? "entry_number is null" : "entry_number = :entry";
		var query = this.jdbc
			.sql("select id, file_name, content_type, size_bytes, original_name from attachment where report_id = :report and " + where
					+ " order by uploaded_at, file_name")
			.param("report", reportId);
		if (!withReport) {
			query = query.param("entry", entryNumber);
		}
		return query.query((rs, n) -> new Stored((UUID) rs.getObject("id"), rs.getString("file_name"),
				rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("original_name")))
			.list();
	}

	/** Every file of a report, for the pages that show the whole report. */
	List<Stored> all(UUID reportId) {
		return this.jdbc
			.sql("select id, file_name, content_type, size_bytes, original_name from attachment where report_id = ? "
					+ "order by uploaded_at, file_name")
			.param(reportId)
			.query((rs, n) -> new Stored((UUID) rs.getObject("id"), rs.getString("file_name"),
					rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("original_name")))
			.list();
	}

	Optional<Content> content(UUID reportId, UUID attachmentId) {
		return this.jdbc.sql("select file_name, content_type, content from attachment where report_id = ? and id = ?")
			.params(reportId, attachmentId)
			.query((rs, n) -> new Content(rs.getString("file_name"), rs.getString("content_type"),
					rs.getBytes("content")))
			.optional();
	}

	static String safeName(String original) {
		String name = original == null ? "" : original;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
		if (name.isEmpty()) {
			name = "lampiran";
		}
		return name.length() > 120 ? name.substring(name.length() - 120) : name;
	}

	private static String withExtension(String name, String extension) {
		int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot) : name;
		return base + "." + extension;
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** Applies the EXIF orientation (1–8) to the pixels, since the tag itself is dropped. */
	static BufferedImage upright(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = orientation >= 5;
		// x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12, for each EXIF orientation
		AffineTransform t = switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored upside down
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // turn a quarter clockwise
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
			default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8: a quarter anticlockwise
		};
		BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = turned.createGraphics();
		g.drawImage(image, t, null);
		g.dispose();
		return turned;
	}

	private static BufferedImage scaled(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		int side = Math.max(w, h);
		if (side <= MAX_SIDE) {
			return image;
		}
		double factor = (double) MAX_SIDE / side;
		int nw = Math.max(1, (int) Math.round(w * factor));
		int nh = Math.max(1, (int) Math.round(h * factor));
		BufferedImage smaller = new BufferedImage(nw, nh,
				image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = smaller.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(image, 0, 0, nw, nh, null);
		g.dispose();
		return smaller;
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		BufferedImage rgb = image;
		if (image.getType() != BufferedImage.TYPE_INT_RGB) {
			rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
			Graphics2D g = rgb.createGraphics();
			g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
			g.dispose();
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.85f);
			writer.write(null, new IIOImage(rgb, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}

package id.go.jambiprov.lapor.report.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ImageBombs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Photos lose everything but their pixels: a phone photo with EXIF (position, camera) comes out
 * with none, upright; files that are not what they claim are refused.
 */
class AttachmentsTests {

	@Test
	void aPhotoLosesItsExifAndIsTurnedUpright() throws IOException {
		byte[] photo = withExif(jpeg(40, 20), 6, "GPS -1.6101 103.6131 Samsung SM-A515F serial 1234");
		assertThat(ExifOrientation.read(photo)).isEqualTo(6);

		Upload cleaned = Attachments.clean("IMG_2026.jpg", photo).orElseThrow();

		assertThat(cleaned.contentType()).isEqualTo("image/jpeg");
		String bytes = new String(cleaned.content(), StandardCharsets.ISO_8859_1);
		assertThat(bytes).doesNotContain("Exif", "GPS", "Samsung", "serial");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(cleaned.content()));
		// 40 wide and 20 high as stored, a quarter turn clockwise as shown
		assertThat(image.getWidth()).isEqualTo(20);
		assertThat(image.getHeight()).isEqualTo(40);
		// the red left edge of the stored image is now at the top
		Color top = new Color(image.getRGB(10, 1));
		assertThat(top.getRed()).isGreaterThan(200);
		assertThat(top.getBlue()).isLessThan(80);
	}

	@Test
	void aPngIsDrawnAgainAndAPdfLosesWhatNamesItsAuthorOrRunsByItself() throws IOException {
		BufferedImage picture = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(picture, "png", png);
		assertThat(Attachments.clean("denah", png.toByteArray()).orElseThrow().fileName()).isEqualTo("denah.png");

		byte[] pdf;
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			document.getDocumentInformation().setAuthor("Budi Santoso");
			document.getDocumentInformation().setCreator("Scanner of Budi, 0812-3456-7890");
			PDMetadata xmp = new PDMetadata(document);
			xmp.importXMPMetadata("<x:xmpmeta xmlns:x='adobe:ns:meta/'><dc:creator>Budi Santoso</dc:creator></x:xmpmeta>"
				.getBytes(StandardCharsets.UTF_8));
			document.getDocumentCatalog().setMetadata(xmp);
			document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi')"));
			PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
			PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
			PDComplexFileSpecification attached = new PDComplexFileSpecification();
			attached.setFile("ktp.jpg");
			files.setNames(java.util.Map.of("ktp.jpg", attached));
			names.setEmbeddedFiles(files);
			document.getDocumentCatalog().setNames(names);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			pdf = out.toByteArray();
		}
		assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("Budi Santoso");
		Upload kept = Attachments.clean("surat.pdf", pdf).orElseThrow();
		assertThat(kept.contentType()).isEqualTo("application/pdf");
		assertThat(new String(kept.content(), StandardCharsets.ISO_8859_1)).doesNotContain("Budi", "0812", "JavaScript",
				"ktp.jpg");
		try (PDDocument cleaned = Loader.loadPDF(kept.content())) {
			assertThat(cleaned.getNumberOfPages()).isEqualTo(1);
			assertThat(cleaned.getDocumentInformation().getAuthor()).isNull();
			assertThat(cleaned.getDocumentCatalog().getMetadata()).isNull();
			assertThat(cleaned.getDocumentCatalog().getOpenAction()).isNull();
			assertThat(cleaned.getDocumentCatalog().getNames()).isNull();
		}
	}

	@Test
	void anImageDeclaringMoreThanFortyMegapixelsIsRefusedBeforeItIsDecoded() {
		byte[] bomb = ImageBombs.png(30_000, 30_000, 64);
		assertThat(bomb.length).isLessThan(100_000);
		Attachments.Cleaned cleaned = Attachments.check("bom.png", bomb);
		assertThat(cleaned.upload()).isEmpty();
		assertThat(cleaned.refusal()).isEqualTo("image-too-large");
		// forty megapixels are read, each side cut to at most twice the kept size while decoding
		Attachments.Cleaned large = Attachments.check("besar.png", ImageBombs.png(8_000, 5_000, 5_000));
		assertThat(large.upload()).hasValueSatisfying(upload -> assertThat(upload.fileName()).isEqualTo("besar.png"));
	}

	@Test
	void filesThatAreNotPhotosOrPdfsAreRefused() {
		assertThat(Attachments.clean("virus.jpg", "MZ\u0090\u0000 this is an exe".getBytes(StandardCharsets.ISO_8859_1)))
			.isEmpty();
		// the signature of a JPEG with nothing readable behind it
		assertThat(Attachments.clean("rusak.jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2 }))
			.isEmpty();
	}

	@Test
	void fileNamesLoseTheirPathsAndOddCharacters() {
		assertThat(Attachments.safeName("C:\\Users\\siti\\foto jalan<1>.jpg")).isEqualTo("foto jalan_1_.jpg");
		assertThat(Attachments.safeName("../../etc/passwd")).isEqualTo("passwd");
		assertThat(Attachments.safeName(null)).isEqualTo("lampiran");
	}

	/** A JPEG whose left quarter is red and the rest blue. */
	private static byte[] jpeg(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.BLUE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.RED);
		g.fillRect(0, 0, width / 4, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}

	/** Puts an EXIF segment (big-endian TIFF, one IFD: orientation and a text tag) after the SOI. */
	private static byte[] withExif(byte[] jpeg, int orientation, String text) {
		byte[] words = (text + "\0").getBytes(StandardCharsets.US_ASCII);
		ByteArrayOutputStream tiff = new ByteArrayOutputStream();
		writeBytes(tiff, 'M', 'M', 0, 42, 0, 0, 0, 8); // header, IFD at 8
		writeBytes(tiff, 0, 2); // two entries
		writeBytes(tiff, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0); // orientation, SHORT
		int textOffset = 8 + 2 + 12 * 2 + 4;
		writeBytes(tiff, 0x01, 0x0E, 0, 2, 0, 0, words.length >> 8, words.length & 0xFF, 0, 0, textOffset >> 8,
				textOffset & 0xFF); // ImageDescription, ASCII
		writeBytes(tiff, 0, 0, 0, 0); // no next IFD
		tiff.writeBytes(words);
		byte[] body = tiff.toByteArray();
		int length = 2 + 6 + body.length;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		writeBytes(out, 0xFF, 0xE1, length >> 8, length & 0xFF, 'E', 'x', 'i', 'f', 0, 0);
		out.writeBytes(body);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	private static void writeBytes(ByteArrayOutputStream out, int... values) {
		for (int value : values) {
			out.write(value);
		}
	}

}

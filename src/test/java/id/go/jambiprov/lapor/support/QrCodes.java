package id.go.jambiprov.lapor.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a QR code off an image, as a phone's camera would read the one on the screen. */
public final class QrCodes {

	private QrCodes() {
	}

	/** The text of the QR code in the PNG (the image holds the code alone, as drawn). */
	public static String read(byte[] png) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
			int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
			return new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(),
						pixels))), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE, DecodeHintType.TRY_HARDER, Boolean.TRUE))
				.getText();
		}
		catch (IOException | NotFoundException | ChecksumException | FormatException unreadable) {
			throw new AssertionError("no readable QR code", unreadable);
		}
	}

}

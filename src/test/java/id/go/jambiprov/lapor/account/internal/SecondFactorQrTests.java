package id.go.jambiprov.lapor.account.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every enrolment QR code reads back, whatever the secret (a phone's camera must never fail). */
class SecondFactorQrTests {

	@Test
	void everyEnrolmentCodeReadsBack() throws Exception {
		SecureRandom random = new SecureRandom();
		for (int i = 0; i < 300; i++) {
			byte[] bytes = new byte[20];
			random.nextBytes(bytes);
			String secret = new Base32().encodeToString(bytes).replace("=", "");
			String address = SecondFactor.otpauth(secret, "koordinator-" + Long.toString(random.nextLong(), 36));
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(SecondFactor.qrPng(address)));
			int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
			String read = new QRCodeReader().decode(
					new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
					Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE, DecodeHintType.TRY_HARDER, Boolean.TRUE))
				.getText();
			assertThat(read).isEqualTo(address);
		}
	}

}

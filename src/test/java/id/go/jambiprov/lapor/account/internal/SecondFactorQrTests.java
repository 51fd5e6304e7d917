package id.go.jambiprov.lapor.account.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;

import javax.imageio.ImageIO;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.QrCodes;

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
			String read = QrCodes.read(SecondFactor.qrPng(address));
			assertThat(read).isEqualTo(address);
		}
	}

	/** The quiet zone the QR standard asks for: four modules of white around the code. */
	@Test
	void theCodeHasAQuietZoneOfFourModules() throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(
				SecondFactor.qrPng(SecondFactor.otpauth("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "koordinator"))));
		int top = -1;
		int left = -1;
		for (int y = 0; y < image.getHeight() && top < 0; y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xFFFFFF) == 0) {
					top = y;
					left = x;
					break;
				}
			}
		}
		// the top-left finder pattern begins there: a dark run of seven modules
		int run = 0;
		while ((image.getRGB(left + run, top) & 0xFFFFFF) == 0) {
			run++;
		}
		int module = run / 7;
		assertThat(module).isPositive();
		assertThat(left).isGreaterThanOrEqualTo(4 * module);
		assertThat(top).isGreaterThanOrEqualTo(4 * module);
	}

}

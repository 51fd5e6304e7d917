package id.go.jambiprov.lapor.intake;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ChannelClients;
import id.go.jambiprov.lapor.support.ChannelClients.Answer;
import id.go.jambiprov.lapor.support.ChannelTestSupport;
import id.go.jambiprov.lapor.support.FakeProviders.Call;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Citizens writing on WhatsApp, SMS, Telegram, Instagram and X: each provider's exact payload,
 * signed with its algorithm, posted to the running service; the report that results, and the
 * answer the fake provider receives.
 */
class ChannelIntakeIntegrationTests extends ChannelTestSupport {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private static String unique(String prefix) {
		return prefix + SEQUENCE.incrementAndGet();
	}

	/** A valid Indonesian mobile number, different per test. */
	private static String waNumber() {
		return "62812" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000L);
	}

	private Map<String, Object> report(String code) {
		return this.jdbc.sql("""
				select channel, title, description, reporter_handle, reporter_phone, reporter_name, status, id
				from report where tracking_code = ?""")
			.param(code.replace("-", ""))
			.query()
			.singleRow();
	}

	@Test
	void aWhatsAppMessageBecomesAReportAndTheSenderGetsTheCodeOnWhatsApp() {
		String from = waNumber();
		String id = unique("wamid.IN");
		int before = providers.calls("/wa/" + ChannelClients.WHATSAPP_PHONE_ID).size();
		// sent half a minute ago by the citizen's phone
		long sent = this.clock.instant().getEpochSecond() - 30;
		Answer answer = this.channels.whatsApp(ChannelClients.whatsAppText(id, from, "Budi Santoso",
				"Jalan berlubang di Jl. Sudirman \uD83D\uDE4F\nSudah tiga minggu, motor sering jatuh.", sent));
		assertThat(answer.status()).isEqualTo(200);

		assertThat(awaitHandled("WHATSAPP", id)).isEqualTo("FILED");
		String code = (String) inbound("WHATSAPP", id).get("report_code");
		Map<String, Object> report = report(code);
		assertThat(report).containsEntry("channel", "WHATSAPP")
			.containsEntry("title", "Jalan berlubang di Jl. Sudirman \uD83D\uDE4F")
			.containsEntry("reporter_handle", from)
			.containsEntry("reporter_phone", "+" + from)
			.containsEntry("reporter_name", "Budi Santoso")
			.containsEntry("status", "SUBMITTED");
		// decree step 1 ("1 hari") runs from the citizen's sending to our storing
		assertThat(this.jdbc.sql("select met, working_seconds from timeline_entry where report_id = ? and action = 'submit'")
			.param(report.get("id"))
			.query()
			.singleRow()).containsEntry("met", true).containsEntry("working_seconds", 30L);

		Call reply = awaitCall("/wa/" + ChannelClients.WHATSAPP_PHONE_ID, before);
		assertThat(reply.authorization()).isEqualTo("Bearer wa-access-token");
		assertThat(reply.body()).contains("\"to\":\"" + from + "\"", "\"message_id\":\"" + id + "\"",
				"laporan Anda diterima. Kode " + code);
		awaitOutbound(code, "SENT");
		// the receipt carried the access key: its text is gone once sent
		assertThat(this.jdbc.sql("select count(*) from outbound_message where report_code = ? and body is not null")
			.param(code).query(Integer.class).single()).isZero();
	}

	@Test
	void aRedeliveredMessageAnswers200AndChangesNothing() {
		String from = waNumber();
		String id = unique("wamid.DUP");
		String body = ChannelClients.whatsAppText(id, from, "Sari", "Sampah menumpuk di pasar Angso Duo", 1763859000);
		assertThat(this.channels.whatsApp(body).status()).isEqualTo(200);
		assertThat(awaitHandled("WHATSAPP", id)).isEqualTo("FILED");
		assertThat(this.channels.whatsApp(body).status()).isEqualTo(200);
		assertThat(this.channels.whatsApp(body).status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from inbound_message where provider_message_id = ?").param(id)
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from report where reporter_handle = ?").param(from)
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aBadOrMissingSignatureIs401AndStoresNothing() {
		String id = unique("wamid.BAD");
		String body = ChannelClients.whatsAppText(id, waNumber(), "X", "Laporan palsu", 1763859000);
		assertThat(this.channels.post("/webhooks/whatsapp", body, "X-Hub-Signature-256",
				ChannelClients.hex("wrong-secret", body)).status()).isEqualTo(401);
		assertThat(this.channels.post("/webhooks/whatsapp", body.replace("palsu", "PALSU"), "X-Hub-Signature-256",
				ChannelClients.hex(ChannelClients.WHATSAPP_SECRET, body)).status()).isEqualTo(401);
		Answer missing = this.channels.post("/webhooks/whatsapp", body, null, null);
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.body()).contains("tidak cocok");
		assertThat(this.channels.post("/webhooks/sms", ChannelClients.sms(id, "081234567890", "LAPOR x"), "X-Signature",
				ChannelClients.hex("other", "x")).status()).isEqualTo(401);
		assertThat(this.channels.post("/webhooks/telegram", ChannelClients.telegramText(1, 2, "A", "b"),
				"X-Telegram-Bot-Api-Secret-Token", "wrong").status()).isEqualTo(401);
		assertThat(this.channels.post("/webhooks/x", ChannelClients.xMention(id, "9", "a", "b"),
				"x-twitter-webhooks-signature", ChannelClients.base64("wrong", "b")).status()).isEqualTo(401);
		assertThat(this.jdbc.sql("select count(*) from inbound_message where provider_message_id = ?").param(id)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void malformedJsonIs400AndUnknownMessageTypesGetAPoliteAnswer() {
		assertThat(this.channels.whatsApp("{\"object\":\"whatsapp_business_account\",\"entry\":[").status())
			.isEqualTo(400);
		assertThat(this.channels.whatsApp("{\"object\":\"page\",\"entry\":[]}").status()).isEqualTo(400);
		assertThat(this.channels.sms("{\"from\":\"0812\"}").status()).isEqualTo(400);

		String id = unique("wamid.STICKER");
		int before = providers.calls("/wa/" + ChannelClients.WHATSAPP_PHONE_ID).size();
		assertThat(this.channels.whatsApp(ChannelClients.whatsAppOfType(id, waNumber(), "sticker", 1763859000)).status())
			.isEqualTo(200);
		assertThat(awaitHandled("WHATSAPP", id)).isEqualTo("UNSUPPORTED");
		assertThat(awaitCall("/wa/" + ChannelClients.WHATSAPP_PHONE_ID, before).body())
			.contains("hanya dapat membaca teks, foto");
	}

	@Test
	void aFloodingSenderIsStoredButIgnoredAndAnOversizedCallIs413() {
		String from = waNumber();
		StringBuilder batch = new StringBuilder();
		for (int i = 0; i < 31; i++) {
			String id = "wamid.FLOOD" + from + "-" + i;
			batch.append(i == 0 ? "" : ",")
				.append("{\"from\":\"" + from + "\",\"id\":\"" + id + "\",\"timestamp\":\"1763859000\",\"type\":\"text\","
						+ "\"text\":{\"body\":\"spam " + i + "\"}}");
		}
		String body = ChannelClients.whatsAppMessage(from, "Spam", batch.toString());
		assertThat(this.channels.whatsApp(body).status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from inbound_message where sender = ?").param(from)
			.query(Integer.class).single()).isEqualTo(31);
		assertThat(inbound("WHATSAPP", "wamid.FLOOD" + from + "-30")).containsEntry("status", "IGNORED")
			.containsEntry("outcome", "RATE_LIMITED");

		String huge = ChannelClients.whatsAppText(unique("wamid.BIG"), waNumber(), "X", "a".repeat(1_100_000), 1);
		Answer tooLarge = this.channels.whatsApp(huge);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(this.jdbc.sql("select count(*) from inbound_message where body like 'aaaa%'").query(Integer.class)
			.single()).isZero();
	}

	@Test
	void metaHandshakeEchoesTheChallengeOnlyForTheRightToken() {
		Answer right = this.channels.get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token="
				+ ChannelClients.WHATSAPP_VERIFY + "&hub.challenge=1158201444");
		assertThat(right.status()).isEqualTo(200);
		assertThat(right.body()).isEqualTo("1158201444");
		assertThat(this.channels.get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1")
			.status()).isEqualTo(403);
		assertThat(this.channels.get("/webhooks/instagram?hub.mode=subscribe&hub.verify_token=ig-verify&hub.challenge=77")
			.body()).isEqualTo("77");
	}

	@Test
	void theXChallengeIsAnsweredWithTheOfficialVector() {
		Answer crc = this.channels.get("/webhooks/x?crc_token=9b4507b3-9040-4669-9ca3-6b94edb50553");
		assertThat(crc.status()).isEqualTo(200);
		assertThat(crc.body()).isEqualTo("{\"response_token\":\"sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8=\"}");
	}

	@Test
	void theXChallengeSignsNoForgedBodyAndASignedCallForAnotherAccountIsRefused() {
		// the attack: have the CRC endpoint sign a webhook body, then post that body with it
		String id = "1850000000000" + SEQUENCE.incrementAndGet();
		String forged = ChannelClients.xMention(id, "666", "penyamar", "@layanan laporan palsu");
		Answer signed = this.channels.get("/webhooks/x?crc_token="
				+ java.net.URLEncoder.encode(forged, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(signed.status()).isEqualTo(400);
		assertThat(signed.body()).doesNotContain("response_token");
		assertThat(this.channels.get("/webhooks/x?crc_token=" + "a".repeat(129)).status()).isEqualTo(400);
		// a correctly signed call about another X account is not for this service
		String other = ChannelClients.xMention(id, "667", "warga", "@layanan lampu padam")
			.replace(ChannelClients.X_SELF, "1111111111");
		assertThat(this.channels.x(other).status()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from inbound_message where provider_message_id = ?").param(id)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aSecondMessageWithinTheWindowJoinsTheReportAndOneAfterItStartsANewOne() {
		String from = waNumber();
		String first = unique("wamid.C1");
		this.channels.whatsApp(ChannelClients.whatsAppText(first, from, "Rina", "Lampu jalan padam", 1763859000));
		assertThat(awaitHandled("WHATSAPP", first)).isEqualTo("FILED");
		String code = (String) inbound("WHATSAPP", first).get("report_code");

		this.clock.advance(java.time.Duration.ofMinutes(4));
		String second = unique("wamid.C2");
		this.channels.whatsApp(ChannelClients.whatsAppText(second, from, "Rina", "di depan Masjid Agung, sejak Senin",
				1763859240));
		assertThat(awaitHandled("WHATSAPP", second)).isEqualTo("ADDED");
		assertThat((String) report(code).get("description")).isEqualTo("Lampu jalan padam\n\n+ di depan Masjid Agung, sejak Senin");

		this.clock.advance(java.time.Duration.ofMinutes(11));
		String third = unique("wamid.C3");
		this.channels.whatsApp(ChannelClients.whatsAppText(third, from, "Rina", "Ada juga pohon tumbang di Jl. Hayam Wuruk",
				1763859900));
		assertThat(awaitHandled("WHATSAPP", third)).isEqualTo("FILED");
		assertThat(inbound("WHATSAPP", third).get("report_code")).isNotEqualTo(code);
	}

	@Test
	void aPhotoIsFetchedFromTheProviderAndKeptWithTheReport() {
		String id = unique("wamid.IMG");
		this.channels.whatsApp(ChannelClients.whatsAppImage(id, waNumber(), "MEDIA" + id.hashCode(),
				"Tiang listrik miring di Jl. Kapten Pattimura", 1763859000));
		assertThat(awaitHandled("WHATSAPP", id)).isEqualTo("FILED");
		String code = (String) inbound("WHATSAPP", id).get("report_code");
		assertThat(this.jdbc.sql("""
				select a.content_type from attachment a join report r on r.id = a.report_id where r.tracking_code = ?""")
			.param(code.replace("-", ""))
			.query(String.class)
			.list()).containsExactly("image/png");
	}

	@Test
	void deliveryStatusesAreKept() {
		String from = waNumber();
		String id = unique("wamid.ST");
		this.channels.whatsApp(ChannelClients.whatsAppText(id, from, "Andi", "Banjir di Perumnas Kotabaru", 1763859000));
		String code = awaitHandled("WHATSAPP", id) == null ? null : (String) inbound("WHATSAPP", id).get("report_code");
		awaitOutbound(code, "SENT");
		String sent = this.jdbc.sql("select provider_message_id from outbound_message where report_code = ?").param(code)
			.query(String.class).single();
		assertThat(this.channels.whatsApp(ChannelClients.whatsAppStatus(sent, "read", from)).status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select delivery_status from outbound_message where provider_message_id = ?").param(sent)
			.query(String.class).single()).isEqualTo("read");
	}

	@Test
	void smsKeywordsFileCheckAndAddAndAnythingElseGetsTheHelp() {
		String phone = "0813" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000L);
		int before = providers.calls("/sms/send").size();
		String filedId = unique("sms-");
		this.channels.sms(ChannelClients.sms(filedId, phone, "LAPOR Pungutan liar di loket KTP Kecamatan Telanaipura"));
		assertThat(awaitHandled("SMS", filedId)).isEqualTo("FILED");
		String code = (String) inbound("SMS", filedId).get("report_code");
		Call receipt = awaitCall("/sms/send", before);
		// the gateway can check that the reply is ours
		assertThat(receipt.signature()).isEqualTo(ChannelClients.hex(ChannelClients.SMS_SECRET, receipt.body()));
		assertThat(receipt.body()).contains("\"to\":\"" + phone + "\"", code);
		String text = receipt.body().replaceAll(".*\"text\":\"([^\"]*)\".*", "$1");
		assertThat(text.length()).isLessThanOrEqualTo(160);

		String check = unique("sms-");
		this.channels.sms(ChannelClients.sms(check, phone, "cek " + code));
		assertThat(awaitHandled("SMS", check)).isEqualTo("STATUS");
		assertThat(awaitCall("/sms/send", before + 1).body()).contains("Laporan " + code + ": diajukan");

		String info = unique("sms-");
		this.channels.sms(ChannelClients.sms(info, phone, "INFO " + code + " petugasnya minta Rp50.000"));
		assertThat(awaitHandled("SMS", info)).isEqualTo("ADDED");
		assertThat((String) report(code).get("description")).endsWith("+ petugasnya minta Rp50.000");

		String other = unique("sms-");
		this.channels.sms(ChannelClients.sms(other, "081298765432", "INFO " + code + " saya juga"));
		assertThat(awaitHandled("SMS", other)).isEqualTo("NOT_FOUND");

		String empty = unique("sms-");
		this.channels.sms(ChannelClients.sms(empty, phone, ""));
		assertThat(awaitHandled("SMS", empty)).isEqualTo("HELP");
		String hello = unique("sms-");
		this.channels.sms(ChannelClients.sms(hello, phone, "halo min"));
		assertThat(awaitHandled("SMS", hello)).isEqualTo("HELP");
		assertThat(awaitCall("/sms/send", before + 4).body()).contains("LAPOR isi laporan");
	}

	@Test
	void aTelegramChatFilesAReportWithItsPhotoAndIsAnsweredInTheChat() {
		long update = SEQUENCE.incrementAndGet();
		long chat = 700_000_000L + update % 1000;
		int before = providers.calls("/tg/bot" + ChannelClients.TELEGRAM_BOT + "/sendMessage").size();
		this.channels.telegram(ChannelClients.telegramPhoto(update, chat, "Drainase tersumbat di Jl. Pangeran Diponegoro"));
		assertThat(awaitHandled("TELEGRAM", "update:" + update)).isEqualTo("FILED");
		String code = (String) inbound("TELEGRAM", "update:" + update).get("report_code");
		assertThat(report(code)).containsEntry("reporter_handle", String.valueOf(chat)).containsEntry("reporter_name", "Sari");
		Call reply = awaitCall("/tg/bot" + ChannelClients.TELEGRAM_BOT + "/sendMessage", before);
		assertThat(reply.body()).contains("\"chat_id\":\"" + chat + "\"", code);
		assertThat(providers.calls("/tg/file/bot" + ChannelClients.TELEGRAM_BOT + "/photos/file_1.png")).isNotEmpty();
	}

	@Test
	void instagramDirectMessagesAndCommentsAreFiledAndOurOwnEchoesIgnored() {
		String sender = unique("IGSID");
		String mid = unique("m_IN");
		int before = providers.calls("/ig/" + ChannelClients.INSTAGRAM_ACCOUNT + "/messages").size();
		this.channels.instagram(ChannelClients.instagramDirect(mid, sender, "Trotoar rusak di depan RSUD Raden Mattaher", false));
		assertThat(awaitHandled("INSTAGRAM", mid)).isEqualTo("FILED");
		assertThat(awaitCall("/ig/" + ChannelClients.INSTAGRAM_ACCOUNT + "/messages", before).body())
			.contains("\"recipient\":{\"id\":\"" + sender + "\"}");

		String echo = unique("m_ECHO");
		assertThat(this.channels.instagram(ChannelClients.instagramDirect(echo, sender, "balasan kami", true)).status())
			.isEqualTo(200);
		assertThat(inbound("INSTAGRAM", echo)).isEmpty();

		String comment = unique("1790");
		this.channels.instagram(ChannelClients.instagramComment(comment, unique("IGU"), "warga_jambi",
				"Jembatan Aur Duri retak, tolong dicek"));
		assertThat(awaitHandled("INSTAGRAM", "comment:" + comment)).isEqualTo("FILED");
		// a comment is answered privately, never in public
		assertThat(awaitCall("/ig/" + ChannelClients.INSTAGRAM_ACCOUNT + "/messages", before + 1).body())
			.contains("\"comment_id\":\"" + comment + "\"");
	}

	@Test
	void anInstagramMentionIsReadFromTheGraphApiAndAnsweredPrivately() {
		String comment = unique("1791");
		int before = providers.calls("/ig/" + ChannelClients.INSTAGRAM_ACCOUNT + "/messages").size();
		this.channels.instagram(ChannelClients.instagramMention(comment, unique("media")));
		assertThat(awaitHandled("INSTAGRAM", "mention:" + comment)).isEqualTo("FILED");
		String code = (String) inbound("INSTAGRAM", "mention:" + comment).get("report_code");
		assertThat(report(code)).containsEntry("title", "@pemprovjambi jalan ke Candi Muaro Jambi rusak parah")
			.containsEntry("reporter_handle", "@warga_muarojambi");
		assertThat(providers.calls("/ig/" + ChannelClients.INSTAGRAM_ACCOUNT).stream()
			.anyMatch(c -> "GET".equals(c.method()) && "Bearer ig-access-token".equals(c.authorization()))).isTrue();
		assertThat(awaitCall("/ig/" + ChannelClients.INSTAGRAM_ACCOUNT + "/messages", before).body())
			.contains("\"comment_id\":\"" + comment + "\"");
	}

	@Test
	void aSharedLocationIsKeptWithTheReport() {
		String id = unique("wamid.LOC");
		String from = waNumber();
		String body = ChannelClients.whatsAppMessage(from, "Rudi", "{\"from\":\"" + from + "\",\"id\":\"" + id
				+ "\",\"timestamp\":\"1763859000\",\"type\":\"location\",\"location\":{\"latitude\":-1.6101,"
				+ "\"longitude\":103.6131,\"name\":\"Simpang Pulai\",\"address\":\"Jl. Hayam Wuruk\"}}");
		assertThat(this.channels.whatsApp(body).status()).isEqualTo(200);
		assertThat(awaitHandled("WHATSAPP", id)).isEqualTo("FILED");
		Map<String, Object> located = this.jdbc.sql("select title, location_latitude, location_longitude from report "
				+ "where tracking_code = ?").param(((String) inbound("WHATSAPP", id).get("report_code")).replace("-", ""))
			.query().singleRow();
		assertThat(located).containsEntry("title", "Simpang Pulai Jl. Hayam Wuruk")
			.containsEntry("location_latitude", -1.6101).containsEntry("location_longitude", 103.6131);
	}

	@Test
	void anXMentionIsAnsweredInPublicWithoutTheAccessKeyAndADirectMessageInPrivate() {
		String tweet = unique("18500");
		int tweets = providers.calls("/x/2/tweets").size();
		this.channels.x(ChannelClients.xMention(tweet, unique("u"), "warga1", "@pemprovjambi lampu jalan mati di Simpang Kawat"));
		assertThat(awaitHandled("TWITTER", tweet)).isEqualTo("FILED");
		Call reply = awaitCall("/x/2/tweets", tweets);
		// a public reply: the code, never the access key
		assertThat(reply.body()).contains("\"in_reply_to_tweet_id\":\"" + tweet + "\"")
			.doesNotContainPattern("kunci akses \\S{10,}");

		String own = unique("18600");
		this.channels.x(ChannelClients.xMention(own, ChannelClients.X_SELF, "pemprovjambi", "balasan kami"));
		assertThat(inbound("TWITTER", own)).isEmpty();

		String dm = unique("dm");
		String user = unique("u");
		int dms = providers.calls("/x/2/dm_conversations/with/" + user).size();
		this.channels.x(ChannelClients.xDirect(dm, user, "warga2", "Pelayanan puskesmas Putri Ayu lambat"));
		assertThat(awaitHandled("TWITTER", "dm:" + dm)).isEqualTo("FILED");
		assertThat(awaitCall("/x/2/dm_conversations/with/" + user, dms).body()).containsPattern("kunci akses \\S{10,}");
	}

	private void awaitOutbound(String code, String status) {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> this.jdbc
			.sql("select count(*) from outbound_message where report_code = ? and status = ?")
			.params(code, status)
			.query(Integer.class)
			.single() > 0);
	}

}

package app.rightly.analysis;

import java.util.List;

import app.rightly.shared.Tenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The analysis on hand-written customer messages: each label, each urgency reason, and
 * the hard cases of lexicon tools (sarcasm, polite complaints, negation, emoji, capitals,
 * repeated punctuation, other languages).
 */
class CustomerCareAnalyserTests {

	static final CustomerCareAnalyser ANALYSER = new CustomerCareAnalyser();

	static Analysis analyse(String text) {
		return analyse(text, null);
	}

	static Analysis analyse(String text, Long followers) {
		return ANALYSER
			.analyse(new AnalysisRequest(new Tenant(new app.rightly.shared.OrganisationId(new java.util.UUID(1, 1)),
					new app.rightly.shared.BrandId(new java.util.UUID(1, 2))), text, followers));
	}

	/** The message reads with this sentiment and this intent. */
	static Analysis reads(String text, String sentiment, String intent) {
		Analysis a = analyse(text);
		assertThat(a.sentiment().label()).as(text).isEqualTo(sentiment);
		assertThat(a.intent().label()).as(text).isEqualTo(intent);
		return a;
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			@SkyAir thank you so much, the crew was wonderful!    | positive
			@SkyAir love the new seats 😍                          | positive
			@SkyAir the staff were lovely, thank you              | positive
			@SkyAir the flight was not bad at all                 | positive
			@SkyAir what time does boarding start?                | neutral
			@SkyAir please change my seat to an aisle             | neutral
			@SkyAir not happy with the service                    | negative
			@SkyAir my bag never arrived, can you help?           | negative
			@SkyAir still waiting for my bag 😡                    | negative
			@SkyAir WORST SERVICE EVER!!! STILL WAITING!!!        | negative
			@SkyAir WHERE IS MY BAG                               | negative
			@SkyAir THANK YOU SO MUCH                             | positive
			Thanks for nothing @SkyAir, 3 hours on the tarmac     | negative
			Great job @SkyAir, lost my luggage again. Love it.    | negative
			@SkyAir wow, free upgrade, didn't expect that!        | positive
			@ShopCo thanks a lot for ruining my weekend           | negative
			@ShopCo never had a problem with you until today      | negative
			@PowerCo the engineer fixed the boiler in no time, really professional | positive
			""")
	void sentiment(String text, String label) {
		Analysis a = analyse(text);
		assertThat(a.sentiment().label()).isEqualTo(label);
		assertThat(a.sentiment().score()).isBetween(-1.0, 1.0);
		assertThat(a.sentiment().confidence()).isBetween(0.0, 1.0);
	}

	/**
	 * Reviews, stories of a problem put right, times a thing took and questions about a
	 * possible problem, as a care lead reads them; and the messages beside each that must
	 * stay complaints.
	 */
	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					@ShopCo my box arrived damaged and a replacement was on its way the same day. Amazing.           | positive | praise
					@RailCo found my lost wallet on the train and posted it back, thank you so much!                 | positive | praise
					@BankCo was charged twice, woke up to a full refund and an apology. fair play                    | positive | praise
					@ShopCo my order arrived damaged, please send a replacement, thanks                              | negative | complaint
					@ShopCo thanks for the refund but my account still shows the charge                              | negative | complaint
					@BankCo refunded after 6 weeks of chasing. thanks for nothing                                    | negative | complaint
					@SkyAir so happy I found my phone myself, because your lost property is the worst system         | negative | complaint
					@BoilerCo thanks for the reply. The engineer fixed it on Monday and the boiler broke down again. | negative | complaint
					@PlumbCo you said it was fixed and it still leaks, thanks                                        | negative | complaint
					@BankCo Haven't heard back in 3 days                                                             | negative | complaint
					@TelCo I've called 5 times in 2 days                                                             | negative | complaint
					@BankCo card declined 3 times in 10 minutes                                                      | negative | complaint
					@ShopCo Can you refund me for the damaged lamp?                                                  | negative | complaint
					@SkyAir Will I get compensation for my cancelled flight?                                         | negative | complaint
					@SkyAir Is my flight cancelled?!                                                                 | negative | complaint
					@SkyAir if you don't like delayed bags, why do you let it happen so much?                        | negative | complaint
					@HostCo answered my ticket in 8 minutes, brilliant                                               | positive | praise
					@FoodCo delivered in 25 mins and still hot, great stuff                                          | positive | praise
					@SkyAir flight leaves in 20 minutes and I'm still stuck at security                              | negative | complaint
					Review: 5 stars. Setup was painless and the router arrived next day.                             | positive | praise
					1 star. Parcel never arrived and nobody answers.                                                 | negative | complaint
					@TelCo 2/10 service, down again                                                                  | negative | complaint
					@SkyAir is flight 212 delayed?                                                                   | neutral  | question
					@BankCo is there a fee to transfer money abroad?                                                 | neutral  | question
					@RailCo if my train is cancelled do I get a refund?                                              | neutral  | question
					@SkyAir why is my flight delayed again?                                                          | negative | complaint
					@SkyAir is anyone going to answer about my lost bag?                                             | negative | complaint
					@ShopCo zero issues all year, worth every penny                                                  | positive | praise
					@TelCo the engineer kept us updated the whole time, can't recommend them enough                  | positive | praise
					""")
	void reviewsStoriesTimesAndQuestions(String text, String sentiment, String intent) {
		reads(text, sentiment, intent);
	}

	/**
	 * Intents a care team routes differently: an idea offered beside praise, spam that
	 * asks for a DM, insults aimed at staff, and questions about the customer's own
	 * situation that hold a request's words.
	 */
	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			@AppCo love the new app! one suggestion: a dark mode would be amazing | suggestion
			Earn $500 a day from home, no experience needed, DM me @AppCo         | spam
			@CourierCo your drivers are thieving scumbags                         | abuse
			@CourierCo my parcel is late again, useless service                   | complaint
			@RailCo do I need to print my tickets or is the phone fine?           | question
			@ShopCo how do I change my delivery address?                          | question
			@SkyAir can you change my seat to an aisle?                           | request
			@BankCo are you able to send me a new card?                           | request
			@SkyAir I wish I'd found you sooner, brilliant service!               | praise
			@ShopCo you should have seen my kid's face, thank you!                | praise
			""")
	void intentsACareTeamRoutesDifferently(String text, String intent) {
		assertThat(analyse(text).intent().label()).as(text).isEqualTo(intent);
	}

	@Test
	void aGoodReviewIsNoPublicEscalationAndABadOneIs() {
		assertThat(analyse("Review: 5 stars. Setup was painless and the router arrived next day.").urgency().reasons())
			.doesNotContain("public escalation");
		assertThat(analyse("Leaving a 1 star review on Trustpilot. Parcel never arrived.").urgency().reasons())
			.contains("public escalation");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			@SkyAir we were left to fend for ourselves at the gate      | fend for ourselves
			@SkyAir $300 to change a date is price gouging              | price gouging
			@SkyAir must be nice to take the phone off the hook all day | must be nice
			@SkyAir kept in the dark for two hours                      | kept in the dark
			@SkyAir should have flown with your competitor              | should have flown
			@SkyAir paid for the wifi and it was unusable               | unusable
			""")
	void customersIdiomsOfBeingLetDownAreNegativeWithTheIdiomAsEvidence(String text, String idiom) {
		Analysis a = analyse(text);
		assertThat(a.sentiment().label()).isEqualTo("negative");
		assertThat(a.evidence()).anySatisfy(e -> {
			assertThat(e.label()).isEqualTo("negative");
			assertThat(e.text()).isEqualTo(idiom);
		});
	}

	@Test
	void aProblemPutRightInMinutesIsPraiseNotAWait() {
		Analysis a = analyse(
				"@TelcoX honestly the best support I've had in years, Maria sorted everything in 5 minutes");
		assertThat(a.sentiment().label()).isEqualTo("positive");
		assertThat(a.evidence()).noneSatisfy(e -> assertThat(e.text()).isEqualTo("5 minutes"));
		// a wait told in minutes is still one
		assertThat(analyse("@TelcoX on hold for 45 minutes and nobody answered").sentiment().label())
			.isEqualTo("negative");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			@SkyAir my bag never arrived, can you help?           | complaint
			@SkyAir I want a refund for my cancelled flight       | complaint
			Thanks for nothing @SkyAir, 3 hours on the tarmac     | complaint
			this weather is awful                                 | other
			@SkyAir what time does boarding start?                | question
			@SkyAir please change my seat to an aisle             | request
			@SkyAir thank you so much, the crew was wonderful!    | praise
			@SkyAir you should add more vegetarian meals          | suggestion
			@ShopCo it would be great if you offered gift wrapping | suggestion
			@SkyAir you stupid idiots                             | abuse
			Click here to win a free iPhone!!! http://spam.example | spam
			@ShopCo my promo code doesn't work at checkout         | complaint
			@TelcoNet internet down since yesterday, I work from home!! | complaint
			@ShopCo I wish you had more sizes in stock             | suggestion
			@ShopCo idea: a loyalty card for regulars would be awesome | suggestion
			@FoodNow the pizza tonight was garbage                 | complaint
			@FoodNow you are garbage                               | abuse
			@BankX I hope your office burns down                   | abuse
			""")
	void intent(String text, String label) {
		assertThat(analyse(text).intent().label()).isEqualTo(label);
	}

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
													@SkyAir there is smoke in the cabin and a passenger fainted | critical | safety
													@BankX someone stole my card and is using it, block it!     | critical | safety
													@SkyAir I will sue you, my lawyer will hear about this      | high     | legal threat
													@SkyAir I am switching to Delta, cancel my account          | high     | churn threat
													@SkyAir please cancel my account today                      | high     | churn threat
													@SkyAir I'm telling the press about this, it's going viral  | high     | public escalation
													@SkyAir this is the third time I ask about my refund        | high     | repeated contact
													@SkyAir my flight leaves in an hour and nobody is at the desk | high   | time pressure
													@BankX my gran got scammed through your app, her savings are gone | critical | safety
													@ToyCo my child swallowed a part of the toy you sold        | critical | safety
													@BankX posting this on tiktok so everyone sees how you treat us | high | public escalation
													@ShopCo the driver threw my parcel over the fence, I'm posting the video everywhere | high | public escalation
											@TelcoX if this isn't fixed I'm cancelling my contract      | high     | churn threat
											@TelcoX my mother can't call for help, she has a heart condition | critical | safety
									@QuickBank someone just took £400 from my account and it wasn't me | critical | safety
									@SkyAir my wheelchair was damaged on the flight and I can't get around | critical | safety
							@HotelCo the room was filthy and there were bed bugs          | critical | safety
							@PowerCo we've had no power for 3 days and we have a newborn baby | critical | safety
					@GymCo a man was filming women in the changing room         | critical | safety
					@PhoneCo my phone overheats and the battery swelled up      | critical | safety
													@BankX this is my fifth email about the same issue          | high     | repeated contact
													@BankX I need this fixed before my rent is due on Friday    | high     | time pressure
													""")
	void urgencyReasons(String text, String level, String reason) {
		Analysis a = analyse(text);
		assertThat(a.urgency().level()).isEqualTo(level);
		assertThat(a.urgency().reasons()).contains(reason);
		assertThat(a.evidence()).anySatisfy(e -> assertThat(e.label()).isEqualTo(reason));
	}

	@Test
	void keepsTheThreeStrongestWordsPerLabelAndEveryRule() {
		Analysis.Evidence rule = new Analysis.Evidence("negative", "sarcasm: warm words about a failure", null, null,
				0);
		List<Analysis.Evidence> few = List.of(word("negative", "late", 0, -1.0), rule, word("negative", "lost", 5, -2));
		assertThat(CustomerCareAnalyser.strongest(few)).containsExactlyElementsOf(few);
		List<Analysis.Evidence> many = List.of(word("negative", "late", 0, -1.0), word("positive", "thanks", 1, 1),
				word("negative", "lost", 5, -2), rule, word("negative", "again", 9, -0.5),
				word("negative", "never", 14, -1.5));
		// four negative words: the weakest ("again") goes; the rest stay in their order
		assertThat(CustomerCareAnalyser.strongest(many)).containsExactly(many.get(0), many.get(1), many.get(2), rule,
				many.get(5));
	}

	private static Analysis.Evidence word(String label, String text, int start, double weight) {
		return new Analysis.Evidence(label, text, start, start + text.length(), weight);
	}

	@Test
	void writesValenceWithTwoDecimalsAsFormatDoes() {
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < 20_000; i++) {
			double x = i < 4 ? new double[] { 0.125, -0.5, 1.005, -0.0 }[i] : 2 * random.nextDouble() - 1;
			assertThat(CustomerCareAnalyser.twoDecimals(x)).as("%s", x)
				.isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", x));
		}
	}

	@Test
	void aBareTodayOrNowIsNoDeadline() {
		for (String calm : List.of("@Tesco the milk I bought today is already off",
				"@Rail are there any delays expected on the Manchester line tomorrow?",
				"@ShopCo your app looks great now, shame it crashes every time I try to pay")) {
			assertThat(analyse(calm).urgency().reasons()).as(calm).doesNotContain("time pressure");
		}
		assertThat(analyse("@Bridal my wedding is tomorrow and the dress still hasn't arrived").urgency().reasons())
			.contains("time pressure");
		// a day far off is no deadline
		assertThat(
				analyse("@SkyAir my flight leaves in three weeks, please move me to an aisle seat").urgency().level())
			.isNotEqualTo("high");
		Analysis wedding = analyse(
				"@Bakery our wedding is this Saturday and the cake order has been cancelled without notice. We need this sorted today.");
		assertThat(wedding.urgency().level()).isEqualTo("high");
		assertThat(wedding.urgency().reasons()).contains("time pressure");
	}

	@Test
	void aThankYouIsNotUrgentAndHasNoReasons() {
		Analysis a = analyse("@SkyAir the staff were lovely, thank you");
		assertThat(a.urgency().level()).isEqualTo("low");
		assertThat(a.urgency().reasons()).isEmpty();
		Analysis today = analyse("@SkyAir Amazing crew on SK123 today, thank you Maria!");
		assertThat(today.urgency().level()).isEqualTo("low");
		assertThat(today.urgency().reasons()).isEmpty();
	}

	@Test
	void maskedSwearingAimedAtSomeoneIsAbuse() {
		Analysis a = analyse("@SkyAir f*** you");
		assertThat(a.intent().label()).isEqualTo("abuse");
		assertThat(a.toxicity().spans()).anySatisfy(span -> assertThat(span.text()).isEqualTo("f*** you"));
		// a masked word is a phrase of its own, not a pattern: "f***" would match every
		// f-word
		assertThat(analyse("@SkyAir the flight food was fine").toxicity().spans()).isEmpty();
	}

	@Test
	void aMessageOfAWordOrAnEmojiIsReadByItsLexiconNotTheModelsPrior() {
		Analysis thumbs = analyse("@ShopCo 👍");
		assertThat(thumbs.sentiment().label()).isEqualTo("positive");
		assertThat(thumbs.emotions()).noneSatisfy(e -> assertThat(e.name()).isEqualTo("anger"));
		assertThat(analyse("@ShopCo ok").emotions()).isEmpty();
		assertThat(analyse("@ShopCo 😡😡😡").sentiment().label()).isEqualTo("negative");
	}

	@Test
	void switchingSomethingIsNoChurnButLeavingIs() {
		assertThat(analyse("@SkyAir I'm moving to Denver, how do I update my address?").urgency().reasons())
			.doesNotContain("churn threat");
		assertThat(analyse("@SkyAir can I switch to an aisle seat?").urgency().reasons())
			.doesNotContain("churn threat");
	}

	@Test
	void harmFromAProductIsACriticalComplaintEvenWhenItNamesNoOne() {
		for (String harm : List.of("The charger caught fire while my son was asleep",
				"There's a strong smell of gas in the flat since your engineer came")) {
			Analysis a = reads(harm, "negative", "complaint");
			assertThat(a.urgency().level()).as(harm).isEqualTo("critical");
			assertThat(a.urgency().reasons()).as(harm).contains("safety");
		}
		Analysis intruder = reads("@PayPal someone accessed my account and sent money to an address I don't recognise",
				"negative", "complaint");
		assertThat(intruder.urgency().level()).isEqualTo("critical");
		// danger that is nobody's product is no complaint
		assertThat(analyse("There was a fire in the building next door last night").intent().label())
			.isNotEqualTo("complaint");
	}

	@Test
	void foodGoneBadIsAProblemAndTimeSavedIsNoDelay() {
		reads("@Tesco the milk I bought today is already off", "negative", "complaint");
		reads("@Deli the bread was mouldy", "negative", "complaint");
		reads("@easyJet just landed 20 minutes early, nice one", "positive", "praise");
		reads("@SkyAir waited 20 minutes at the gate", "negative", "complaint");
	}

	@Test
	void thanksForLosingSomethingIsSarcasm() {
		Analysis lost = reads("@KLM thanks for losing my bag, really made my holiday", "negative", "complaint");
		assertThat(lost.sarcasm()).isTrue();
		reads("@Amazon received an empty box", "negative", "complaint");
		// sarcasm mocks someone, even when it names no one
		reads("Thanks for nothing.", "negative", "complaint");
		assertThat(analyse("@Ryanair €70 to print a boarding pass? Seriously?").sentiment().label())
			.isEqualTo("negative");
	}

	@Test
	void whatComesAfterTheButIsThePoint() {
		reads("Love the food but the delivery always takes forever.", "negative", "complaint");
		assertThat(analyse("The flight was late but the crew were lovely").sentiment().label()).isEqualTo("positive");
	}

	@Test
	void harmAndDirtInWhatWasSoldAreCriticalOrPlainComplaints() {
		Analysis glass = reads("I found a piece of glass in my sandwich from your shop this afternoon.", "negative",
				"complaint");
		assertThat(glass.urgency().level()).isEqualTo("critical");
		Analysis allergy = analyse(
				"My daughter had a severe allergic reaction after eating the meal labelled nut-free. She's in hospital now.");
		assertThat(allergy.sentiment().label()).isEqualTo("negative");
		assertThat(allergy.urgency().level()).isEqualTo("critical");
		reads("@Cafe there was hair in my soup", "negative", "complaint");
	}

	@Test
	void aPoliteRequestIsNoThanksAndSuggestionsAndSpamHaveTheirWords() {
		assertThat(analyse(
				"I ordered a medium pizza and received a small one. I would appreciate it if this could be corrected.")
			.intent()
			.label()).isEqualTo("request");
		assertThat(analyse("You should really add a vegetarian option to the kids menu.").intent().label())
			.isEqualTo("suggestion");
		assertThat(analyse("Buy cheap followers and likes at best prices, visit our website now").intent().label())
			.isEqualTo("spam");
	}

	@Test
	void fireInPraiseIsNoEmergency() {
		assertThat(analyse("@SkyAir your new menu is fire, love it 🔥").urgency().reasons()).doesNotContain("safety");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			@ShopCo #WorstServiceEver                             | negative
			@ShopCo #shopcosucks                                  | negative
			@ShopCo #nothappy                                     | negative
			@ShopCo #ThankYouShopCo                               | positive
			@ShopCo #thanksgiving sale starts when?               | neutral
			""")
	void hashtagsAreReadByTheirWords(String text, String label) {
		Analysis a = analyse(text);
		assertThat(a.sentiment().label()).isEqualTo(label);
		if (!label.equals("neutral")) {
			int hash = text.indexOf('#');
			// the hashtag itself is the evidence, once
			assertThat(a.evidence()).filteredOn(e -> e.label().equals(label) && e.start() != null)
				.singleElement()
				.satisfies(e -> assertThat(e.start()).isEqualTo(hash));
		}
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			@ShopCo I have heard nothing but great things about your store | positive
			@ShopCo thanks again, see you again soon!                      | positive
			@ShopCo excellent customer service from Maria today            | positive
			@ShopCo a reply would have been nice                           | negative
			@ShopCo the agent could be more helpful                        | negative
			@ShopCo customer service was fantastic, Sarah sorted it        | positive
			@FoodNow no problem at all, all good now                       | positive
			@SkyAir never had a problem with you guys                      | positive
			@SkyAir couldn't have asked for a better crew                  | positive
			@BankX I hope your office burns down                           | negative
			@ShopCo not the worst service I've had                         | positive
			@ShopCo never disappoints 👌                                    | positive
			@ShopCo can't fault the staff                                  | positive
			@ShopCo wasn't expecting much but wow                          | positive
			@TelcoNet super help, problem solved                           | positive
			@TelcoX been with you since 2009 and just renewed again, wouldn't go anywhere else | positive
			""")
	void phrasesMeanMoreThanTheirWords(String text, String label) {
		Analysis a = analyse(text);
		assertThat(a.sentiment().label()).isEqualTo(label);
		// the words' valence is evidence only for the way it leans
		assertThat(a.evidence()).filteredOn(e -> e.text().startsWith("word valence"))
			.allSatisfy(e -> assertThat(e.weight() < 0).isEqualTo(label.equals("negative")));
	}

	@Test
	void sarcasmIsFoundWithItsEvidence() {
		Analysis a = analyse("Great job @SkyAir, lost my luggage again. Love it.");
		assertThat(a.sarcasm()).isTrue();
		assertThat(a.evidence()).anySatisfy(e -> assertThat(e.label()).isEqualTo("sarcasm"));
		assertThat(a.emotions()).noneSatisfy(e -> assertThat(e.name()).isIn("gratitude", "joy"));
		assertThat(analyse("@SkyAir thank you so much, the crew was wonderful!").sarcasm()).isFalse();
	}

	@Test
	void thanksForAFailureIsSarcasmButThanksForPuttingItRightIsMeant() {
		Analysis ironic = analyse("@SkyAir thanks for ignoring all my tweets");
		assertThat(ironic.sarcasm()).isTrue();
		assertThat(ironic.sentiment().label()).isEqualTo("negative");
		assertThat(ironic.intent().label()).isEqualTo("complaint");
		assertThat(ironic.evidence())
			.anySatisfy(e -> assertThat(e.label() + ":" + e.text()).isEqualTo("sarcasm:thanks for ignoring"));
		Analysis meant = analyse("@SkyAir thank you for fixing the problem with my booking");
		assertThat(meant.sarcasm()).isFalse();
		assertThat(meant.sentiment().label()).isEqualTo("positive");
		assertThat(analyse("@SkyAir thanks for confirming the cancellation").evidence())
			.noneSatisfy(e -> assertThat(e.text()).startsWith("thanks for"));
		// thanks, then the problem in a sentence of its own: not thanks for the problem
		assertThat(analyse("@SkyAir thanks for the reply. My bag is still missing").evidence())
			.noneSatisfy(e -> assertThat(e.text()).startsWith("thanks for the"));
	}

	@Test
	void thanksOrPraiseBeforeTheProblemIsPoliteButAfterItIsSarcasm() {
		for (String polite : List.of("@SkyAir thanks for the reply. My bag is still missing",
				"@SkyAir I love your lounges but my bag never arrived.",
				"@SkyAir my bag never arrived. Can someone call me? Thank you.")) {
			Analysis a = analyse(polite);
			assertThat(a.sarcasm()).as(polite).isFalse();
			assertThat(a.intent().label()).as(polite).isEqualTo("complaint");
			assertThat(a.sentiment().label()).as(polite).isEqualTo("negative");
		}
		assertThat(analyse("@SkyAir thanks for the reply. My bag is still missing").emotions())
			.anySatisfy(e -> assertThat(e.name()).isEqualTo("gratitude"));
		for (String sarcastic : List.of("@SkyAir 2 hours late again. Really nice.",
				"@SkyAir delayed 3 hours on the tarmac. Great service!", "@SkyAir Thanks for nothing",
				"@SkyAir good job overselling this flight.")) {
			Analysis a = analyse(sarcastic);
			assertThat(a.sarcasm()).as(sarcastic).isTrue();
			assertThat(a.sentiment().label()).as(sarcastic).isEqualTo("negative");
		}
	}

	@Test
	void bareRetortAfterAProblemIsSarcasmButPraiseOfSomethingIsNot() {
		for (String sarcastic : List.of("Wow, two hours on hold. Loving it.", "On hold for 2 hours!! Love it",
				"Great, another price increase. Just what everyone needs right now.")) {
			Analysis a = analyse(sarcastic);
			assertThat(a.sarcasm()).as(sarcastic).isTrue();
			assertThat(a.sentiment().label()).as(sarcastic).isEqualTo("negative");
		}
		for (String sincere : List.of("Got my new phone today. Loving it!",
				"Flight delayed 3 hours. The crew was wonderful", "Thanks for the quick refund, really appreciate it!",
				"Thank you so much for replacing my broken headphones so fast!")) {
			assertThat(analyse(sincere).sarcasm()).as(sincere).isFalse();
		}
		assertThat(analyse("Thanks for the quick refund, really appreciate it!").sentiment().label())
			.isEqualTo("positive");
		// a problem put right is no problem; one not put right still is
		assertThat(analyse("Thank you so much for replacing my broken headphones so fast!").intent().label())
			.isEqualTo("praise");
		assertThat(analyse("you still haven't replaced my broken headphones").intent().label()).isEqualTo("complaint");
	}

	@Test
	void aMixedVerdictIsNotSarcasm() {
		Analysis mixed = analyse("Great product, terrible delivery");
		assertThat(mixed.sarcasm()).isFalse();
		assertThat(mixed.sentiment().label()).isEqualTo("negative");
		assertThat(analyse("awesome, another delay").sarcasm()).isTrue();
	}

	@Test
	void fraudRepeatsCountedInNumbersAndBetrayedLoyalty() {
		Analysis fraud = analyse("Someone used my card in another country, I need it blocked NOW");
		assertThat(fraud.urgency().level()).isEqualTo("critical");
		Analysis fifth = analyse("This is my 5th call this week about the same leak");
		assertThat(fifth.intent().label()).isEqualTo("complaint");
		assertThat(fifth.urgency().reasons()).contains("repeated contact");
		Analysis loyal = reads("We've been loyal customers for 20 years and this is how you treat us", "negative",
				"complaint");
		Analysis closing = analyse("Cancel everything. Close my account today.");
		assertThat(closing.intent().label()).isEqualTo("request");
		assertThat(closing.urgency().reasons()).contains("churn threat");
	}

	@Test
	void plainPraiseAndNamedProblems() {
		Analysis menu = reads("Just wanted to say the new menu is delicious", "positive", "praise");
		// the shipped sentiment model once read "my order arrived…" as a problem: the
		// team's
		// templates had one happy delivery against many missing ones
		reads("My order arrived today, everything perfect", "positive", "praise");
		reads("Just received my new headphones, they work perfectly", "positive", "praise");
		reads("What's the daily withdrawal limit on my card?", "neutral", "question");
		Analysis invoice = analyse("I think there's a mistake on my invoice");
		assertThat(invoice.intent().label()).isEqualTo("complaint");
		Analysis oh = analyse("Oh wonderful, the app logged me out again");
		assertThat(oh.sarcasm()).isTrue();
		assertThat(oh.sentiment().label()).isEqualTo("negative");
	}

	@Test
	void insultsReadNegativeAndSwearingInDelightIsPraise() {
		Analysis clowns = reads("you guys are f***ing clowns", "negative", "abuse");
		Analysis pizza = analyse("Holy shit this is the best pizza ever");
		assertThat(pizza.intent().label()).isEqualTo("praise");
		assertThat(pizza.toxicity().toxic()).isTrue(); // still flagged for the agent
		Analysis threat = analyse("I'm going to find out where you live");
		assertThat(threat.toxicity().toxic()).isTrue();
		assertThat(threat.toxicity().spans()).anySatisfy(sp -> assertThat(sp.text()).contains("where you live"));
		Analysis warning = analyse("@TelcoX I know where your office is. Watch yourself.");
		assertThat(warning.toxicity().toxic()).isTrue();
		assertThat(warning.toxicity().spans()).extracting(Analysis.Span::kind).contains("threat");
		assertThat(analyse("Kill it with fire lol, worst update ever").urgency().level()).isNotEqualTo("critical");
		assertThat(analyse("Congratulations you've won a £500 voucher, claim now").intent().label()).isEqualTo("spam");
		assertThat(analyse("the agent was an absolute legend").sentiment().label()).isEqualTo("positive");
		assertThat(analyse("That was a killer deal").sentiment().label()).isEqualTo("positive");
	}

	@Test
	void thingsThatDoNotFitAndLoyaltyUnrewardedAreComplaints() {
		for (String complaint : List.of("@ShopCo the size guide is way off, had to return 3 pairs",
				"@TelcoUK I've been a customer for 10 years and new customers get better deals than me")) {
			reads(complaint, "negative", "complaint");
		}
	}

	@Test
	void innocentMessagesNearTheNewCuesStayInnocent() {
		for (String praise : List.of("Thanks for the full refund!", "Got a full refund. Amazing!",
				"My flight was cancelled but the agent rebooked me straight away. Brilliant!")) {
			assertThat(analyse(praise).sarcasm()).as(praise).isFalse();
		}
		assertThat(analyse("Thanks for the full refund!").sentiment().label()).isEqualTo("positive");
		// a problem is put right only when thanked for
		assertThat(analyse("When are you replacing my broken phone?").intent().label()).isEqualTo("complaint");
		assertThat(analyse("You refunded the wrong amount").intent().label()).isEqualTo("complaint");
		assertThat(analyse("I used my card at the ATM and it was declined").urgency().level()).isNotEqualTo("critical");
		assertThat(analyse("You've won me over!").intent().label()).isNotEqualTo("spam");
		assertThat(analyse("THIS is how you treat your customers 👏").sentiment().label()).isEqualTo("positive");
	}

	@Test
	void astonishmentIsNoDenial() {
		assertThat(analyse("I can't believe how helpful the staff were").intent().label()).isEqualTo("praise");
		reads("I can't believe how rude the staff were", "negative", "complaint");
	}

	@Test
	void thanksClosingARequestOrAQuestionAreManners() {
		assertThat(analyse("Dear Sir/Madam, please update my address to 12 High Street, York. Many thanks.").intent()
			.label()).isEqualTo("request");
		assertThat(
				analyse("Could you tell me whether the warranty covers accidental damage? Thanks in advance.").intent()
					.label())
			.isEqualTo("question");
		assertThat(analyse("Thanks so much, the crew were wonderful, can't wait to fly again!").intent().label())
			.isEqualTo("praise");
		Analysis email = analyse("I ordered a sofa 9 weeks ago and nobody can tell me where it is. I have called five "
				+ "times. I would like a refund.");
		assertThat(email.urgency().reasons()).contains("repeated contact");
	}

	@Test
	void aQuestionAsksItDoesNotMock() {
		assertThat(analyse("Is there a fee for paying off my loan early?").sarcasm()).isFalse();
		assertThat(analyse("Great job losing my bag, how hard can it be?").sarcasm()).isTrue();
	}

	@Test
	void customersIdiomsOfPraiseAndWarning() {
		Analysis money = analyse("shut up and take my money");
		assertThat(money.sentiment().label()).isEqualTo("positive");
		assertThat(money.toxicity().toxic()).isFalse();
		assertThat(money.intent().label()).isEqualTo("praise");
		Analysis raise = reads("The staff member who helped me today deserves a raise", "positive", "praise");
		assertThat(analyse("5 stars, would recommend to anyone looking for a reliable plumber").intent().label())
			.isEqualTo("praise");
		Analysis warning = analyse("Do NOT buy from this company. Total scam.");
		assertThat(warning.intent().label()).isEqualTo("complaint");
		assertThat(warning.urgency().reasons()).contains("churn threat");
	}

	@Test
	void refusalsAndFixesNotMadeAreComplaints() {
		for (String complaint : List.of("The checkout page won't accept my discount code SAVE20",
				"If this isn't fixed by Friday I'm going to the ombudsman",
				"Not sure if this is the right place but my parcel says delivered and it isn't here")) {
			assertThat(analyse(complaint).intent().label()).as(complaint).isEqualTo("complaint");
		}
	}

	@Test
	void swearingAboutAProblemIsAComplaintButInsultingThePersonIsAbuse() {
		Analysis swearing = analyse("@SkyAir idiots lost my bag again, this is shit");
		assertThat(swearing.intent().label()).isEqualTo("complaint");
		assertThat(swearing.toxicity().toxic()).isTrue(); // still flagged for the agent
		// ranked under the complaint, never raised above what its toxicity gives
		assertThat(swearing.intent().scores().get("abuse")).isLessThanOrEqualTo(
				Math.min(swearing.intent().scores().get("complaint"), 0.6 + 0.4 * swearing.toxicity().score()) + 0.001);
		assertThat(analyse("@SkyAir you stupid idiots, lost my bag again").intent().label()).isEqualTo("abuse");
		assertThat(analyse("@SkyAir I will find you and hurt you").intent().label()).isEqualTo("abuse");
	}

	@Test
	void aProblemDeniedByFreeIsPraise() {
		Analysis a = analyse("@SkyAir thank you for a hassle-free trip, friendly staff");
		assertThat(a.sentiment().label()).isEqualTo("positive");
		assertThat(a.sarcasm()).isFalse();
	}

	@Test
	void aPoliteComplaintIsAComplaintAndNegativityAboutTheWorldIsNot() {
		Analysis polite = analyse("@SkyAir my bag never arrived, can you help?");
		assertThat(polite.intent().label()).isEqualTo("complaint");
		assertThat(polite.evidence()).anySatisfy(e -> {
			assertThat(e.label()).isEqualTo("complaint");
			assertThat(e.text()).isEqualTo("never arrived");
		});
		Analysis weather = analyse("this weather is awful");
		assertThat(weather.intent().label()).isNotEqualTo("complaint");
		assertThat(weather.toxicity().toxic()).isFalse();
	}

	@Test
	void negationTurnsPraiseIntoAComplaint() {
		Analysis a = analyse("@SkyAir the crew was not helpful at all");
		assertThat(a.sentiment().label()).isEqualTo("negative");
	}

	@Test
	void capitalsAndRepeatedPunctuationMakeItStronger() {
		Analysis calm = analyse("@SkyAir my flight is delayed");
		Analysis loud = analyse("@SkyAir MY FLIGHT IS DELAYED!!!");
		assertThat(loud.sentiment().label()).isEqualTo("negative");
		assertThat(loud.sentiment().score()).isLessThanOrEqualTo(calm.sentiment().score());
		assertThat(loud.risk().score()).isGreaterThanOrEqualTo(calm.risk().score());
	}

	@Test
	void emojiCarrySentiment() {
		assertThat(analyse("@SkyAir 😍😍").sentiment().label()).isEqualTo("positive");
		assertThat(analyse("@SkyAir my flight 😡😡").sentiment().label()).isEqualTo("negative");
	}

	@Test
	void abuseIsFlaggedWithItsSpans() {
		String text = "@SkyAir you stupid idiots";
		Analysis a = analyse(text);
		assertThat(a.toxicity().toxic()).isTrue();
		assertThat(a.toxicity().spans()).isNotEmpty().allSatisfy(span -> {
			assertThat(text.substring(span.start(), span.end())).isEqualTo(span.text());
			assertThat(span.kind()).isIn("insult", "threat", "profanity");
		});
		assertThat(analyse("@SkyAir thank you so much").toxicity().toxic()).isFalse();
	}

	@Test
	void comingBackIsLoyaltyNotAProblemAgain() {
		reads("@SkyAir 5 stars, would fly again", "positive", "praise");
		reads("@HotelCo lovely room, would stay again", "positive", "praise");
		reads("@ShopCo good price, would buy again", "positive", "praise");
		reads("@SkyAir I'd never fly again", "negative", "complaint");
		reads("@SkyAir delayed again", "negative", "complaint");
	}

	@Test
	void dangerOnTheRoadOrAtHomeIsCriticalAndWorried() {
		Analysis brakes = analyse(
				"@DriveNow brakes on the rental are grinding and the pedal is nearly going to the floor, I'm on the hard shoulder");
		assertThat(brakes.urgency().level()).isEqualTo("critical");
		assertThat(brakes.urgency().reasons()).contains("safety");
		Analysis gas = analyse(
				"@PowerGrid strong gas smell coming from the meter in our hallway right now, who do I call??");
		assertThat(gas.urgency().level()).isEqualTo("critical");
		assertThat(gas.sentiment().label()).isEqualTo("negative");
	}

	@Test
	void aDepartureCloseAtHandOrAnotherAgentAskedMakesItUrgent() {
		Analysis flight = analyse(
				"@SkyAir flight leaves in 1 hour and the app STILL won't let me check in, please help");
		assertThat(flight.urgency().level()).isEqualTo("high");
		assertThat(flight.urgency().reasons()).contains("time pressure");
		for (String again : List.of("@TelcoX still nothing. that's the third agent I've spoken to today",
				"I have emailed you FOUR times about this refund. FOUR. @HomeShop")) {
			Analysis a = analyse(again);
			assertThat(a.urgency().level()).as(again).isEqualTo("high");
			assertThat(a.urgency().reasons()).as(again).contains("repeated contact");
		}
	}

	@Test
	void applauseForAProblemStillThereIsSarcasm() {
		Analysis claps = reads(
				"wow. just wow. 3 days without hot water and the best you can offer is \"we're aware\" 👏👏 @PowerGrid",
				"negative", "complaint");
		assertThat(claps.sarcasm()).isTrue();
		reads("@TelcoX engineer came and fixed the line in ten minutes 👏", "positive", "praise");
	}

	@Test
	void clapsBetweenTheWordsBeatOutAPointAndAreNoApplause() {
		Analysis beat = analyse("@CoffeeCo pay 👏 your 👏 staff 👏 properly 👏");
		assertThat(beat.sentiment().label()).isNotEqualTo("positive");
		assertThat(beat.evidence()).noneMatch(e -> e.text().equals("👏"));
		assertThat(analyse("@SkyAir you 👏 lost 👏 my 👏 wedding 👏 dress 👏").sentiment().label())
			.isEqualTo("negative");
		// applause together is still applause
		reads("@ShopCo fixed in ten minutes 👏👏👏", "positive", "praise");
	}

	@Test
	void plainPraiseAffectionAndAPleasureAreWarm() {
		reads("@SkyAir I adore you guys, so looking forward to my trip to Lisbon next month", "positive", "praise");
		reads("@HotelCo the concierge was a pleasure to deal with, and the nicest person", "positive", "praise");
		reads("@SkyAir My fav airline!!", "positive", "praise");
		reads("@RailCo the guard at Leeds redeemed you guys, she got us sorted", "positive", "praise");
		assertThat(analyse("@RailCo give Tom the recognition he deserves!").sentiment().label()).isEqualTo("positive");
		assertThat(analyse("@RailCo thnx!").sentiment().label()).isEqualTo("positive");
		// praise that holds a sarcastic phrase is praise: "the way to go", not "way to
		// go"
		Analysis way = analyse("@SkyAir flying SkyAir is the way to go!");
		assertThat(way.sarcasm()).isFalse();
		assertThat(way.sentiment().label()).isNotEqualTo("negative");
		assertThat(analyse("@SkyAir all good, it isn't your fault the plane needs maintenance").sentiment().label())
			.isNotEqualTo("negative");
	}

	@Test
	void trustLostJoyTakenAndTheBestAnAgentCouldDoAreComplaints() {
		reads("@BankCo lost all faith in you after this week", "negative", "complaint");
		reads("@TrainCo you have taken the fun out of travelling by train", "negative", "complaint");
		Analysis best = reads(
				"@SkyAir the best the agent could do is a seat on tomorrow's flight with a 6 hour layover", "negative",
				"complaint");
		assertThat(best.sarcasm()).isTrue();
		reads("@BankCo your staff just don't care about customers", "negative", "complaint");
		reads("@SkyAir no supervisor available and they couldn't do anything", "negative", "complaint");
		reads("@HotelCo the room was less than ideal :/", "negative", "complaint");
		reads("@TrainCo absolute waste of money, shoddy seats", "negative", "complaint");
		reads("@SkyAir this is absurd, three gate changes and nobody at the desk", "negative", "complaint");
		assertThat(ANALYSER.signals("@SkyAir where did my travel credit go? it was there yesterday").failure())
			.isNegative();
		reads("@SkyAir in Lisbon for three days already without my bag", "negative", "complaint");
		reads("@SkyAir how much longer will it take? we have been at the gate since noon", "negative", "complaint");
		reads("@TelcoX the least you can do is waive the fee", "negative", "complaint");
		// a cancellation told as a possibility is a question, not a complaint
		assertThat(analyse("What's your refund policy if the artist cancels but the support act still plays?").intent()
			.label()).isEqualTo("question");
	}

	@Test
	void whatFollowsAConcessionIsThePoint() {
		reads("@HotelCo although check-in took forever, the staff were lovely", "positive", "praise");
		reads("@ShopCo even though delivery was late the support team were brilliant", "positive", "praise");
		// and the other way round
		assertThat(analyse("@ShopCo although the staff were lovely, my order never arrived").sentiment().label())
			.isEqualTo("negative");
	}

	@Test
	void thanksToTheBrandForAFailureBlamesIt() {
		Analysis blame = reads("@SkyAir second night at the airport thanks to you", "negative", "complaint");
		assertThat(blame.sarcasm()).isTrue();
		reads("@SkyAir thanks to your delay I missed my meeting", "negative", "complaint");
		// thanks to someone, for something, or after the problem was put right, is meant
		reads("@SkyAir thanks to you I got home on time", "positive", "praise");
		assertThat(analyse("@PowerCo took 4 months but thanks to you it is sorted").sentiment().label())
			.isEqualTo("positive");
		assertThat(analyse("@ShopCo thanks to Jacqueline for cleaning up the courier's mess!!! Awesome service")
			.sentiment()
			.label()).isEqualTo("positive");
	}

	@Test
	void aGreetingsGoodWishesAreNoPraiseAndAQuickQuestionIsNoSpeed() {
		reads("Hi @TelcoX, hope you're well. My broadband has dropped out every evening since Monday.", "negative",
				"complaint");
		Analysis quick = analyse("Quick question @QuickBank, what time do branches open on Saturday?");
		assertThat(quick.evidence()).noneMatch(e -> e.text().equalsIgnoreCase("quick"));
		assertThat(quick.intent().label()).isEqualTo("question");
	}

	@Test
	void aGoodRatingIsTheReviewsVerdictWhateverItTellsOnTheWay() {
		reads("★★★★★ Ordered at 7pm, arrived at 7:25, still piping hot. The driver even rang to say he was stuck behind a bin lorry. Brilliant service as always.",
				"positive", "praise");
		Analysis app = reads(
				"★★★★★ Finally a banking app that doesn't make me want to throw my phone. Freezing my card took two taps when I lost it on holiday. Love it.",
				"positive", "praise");
		assertThat(app.sarcasm()).isFalse();
		// the time a thing took, and "still" in "still hot", are no wait and no problem
		assertThat(analyse("@BurgerCo my burger arrived in 15 minutes and still hot").intent().label())
			.isEqualTo("praise");
	}

	@Test
	void aReviewsOwnStarIsNoThreatToGoPublic() {
		assertThat(analyse("Absolutly terible experiance. Waited 2 hrs for a tecnician who never showed. 1 star.")
			.urgency()
			.reasons()).doesNotContain("public escalation");
		assertThat(analyse("@ShopCo I'll be leaving a 1 star review everywhere").urgency().reasons())
			.contains("public escalation");
	}

	@Test
	void offersToTheBrandAndAdvanceFeeLettersAreSpam() {
		for (String spam : List.of(
				"Boost your Google ranking by 300% in 30 days!!! Reply YES for a FREE SEO audit of your website. Limited slots available.",
				"Dear Sir/Madam, I am Barrister James Okafor and I am contacting you regarding an unclaimed inheritance of $4.5 million USD belonging to a deceased client with your surname.")) {
			assertThat(analyse(spam).intent().label()).as(spam).isEqualTo("spam");
		}
	}

	@Test
	void theVulnerableLeftWithoutHelpAChildVeryIllAndAnAccountTakenOverAreCritical() {
		for (String critical : List.of(
				"My 82-year-old mum's heating has been off since Tuesday and it's forecast to go down to minus 3 tonight. She is on your priority services register. Please can someone come out today.",
				"I have been without a landline for 23 days. I'm 79, I live alone and it's my only way to call for help - I'm frightened that if I fall nobody will know.",
				"My son has had a temperature of 39.8 for two days and is now really drowsy, the line keeps cutting off. What should I do?",
				"Someone has just changed the email and password on my online banking and £1,200 is being transferred out. I did NOT do this.")) {
			Analysis a = analyse(critical);
			assertThat(a.urgency().level()).as(critical).isEqualTo("critical");
			assertThat(a.sentiment().label()).as(critical).isEqualTo("negative");
		}
	}

	@Test
	void goingPublicIsSaidAsGoingPublic() {
		for (String not : List.of("@PowerCo whoever runs your social media is a brain-dead muppet",
				"@DriveNow got charged a £150 'cleaning fee' for a car I returned spotless. I have photos. Please review.")) {
			assertThat(analyse(not).urgency().reasons()).as(not).doesNotContain("public escalation");
		}
		for (String public_ : List.of("@DriveNow I'm going to the press with this",
				"@ShopCo I'll leave a bad review everywhere")) {
			assertThat(analyse(public_).urgency().reasons()).as(public_).contains("public escalation");
		}
	}

	@Test
	void thanksAndPraiseInOtherWords() {
		reads("@MediBook booked, seen and prescribed within an hour. Honestly can't fault it 👏", "positive", "praise");
		reads("@RailNorth guard on the 18:10 to York found my lost phone and handed it in. Can't thank you enough 🙏",
				"positive", "praise");
		reads("@CloudNote support got my lost notes back after the sync glitch, you lot are stars ⭐", "positive",
				"praise");
		Analysis rain = reads(
				"Thanks @ParcelPro for leaving my parcel out in the rain. Really appreciate the soggy cardboard 🙄",
				"negative", "complaint");
		assertThat(rain.sarcasm()).isTrue();
	}

	@Test
	void addingTheCustomersOwnDetailsIsARequestNotAnIdea() {
		reads("@SkyAir please add my frequent flyer number SK448120 to booking QX7T2L, thanks", "neutral", "request");
		assertThat(analyse("@NoteApp please add a dark mode").intent().label()).isEqualTo("suggestion");
	}

	@Test
	void moneyTakenOrACardStolenIsCriticalAndGoingElsewhereIsChurn() {
		for (String fraud : List.of(
				"@BrightBank there are 3 card payments from a shop in Lisbon I never made. Please freeze my card asap",
				"Hi @BrightBank my wallet was stolen on the tube an hour ago, my debit card was in it")) {
			assertThat(analyse(fraud).urgency().level()).as(fraud).isEqualTo("critical");
		}
		Analysis churn = analyse(
				"Honestly @TelcoX if my broadband isn't fixed this week I'm cancelling and going to a competitor.");
		assertThat(churn.urgency().level()).isEqualTo("high");
		assertThat(churn.urgency().reasons()).contains("churn threat");
	}

	@Test
	void aMessageWithNothingToReadIsNeutral() {
		assertThat(analyse("@SkyAir").sentiment().label()).isEqualTo("neutral");
		assertThat(analyse("@SkyAir https://t.co/abc").sentiment().label()).isEqualTo("neutral");
		assertThat(analyse("😡😡😡").sentiment().label()).isEqualTo("negative");
		assertThat(analyse("👍").sentiment().label()).isEqualTo("positive");
	}

	@Test
	void abuseOfAPersonIsMoreThanAToxicReading() {
		// the model's offensive reading counts as toxic (what OffensEval measures);
		// abuse,
		// which the inbox flags and meets with a boundary, needs someone abused
		for (String abuse : List.of("@SkyAir you stupid idiots", "@SkyAir f*** you and your delays",
				"@TelcoX I know where your office is. Watch yourself.",
				"@SkyAir idiots lost my bag again, this is shit")) {
			Analysis.Toxicity t = analyse(abuse).toxicity();
			assertThat(t.toxic()).as(abuse).isTrue();
			assertThat(t.abusive()).as(abuse).isTrue();
			assertThat(t.abuse()).as(abuse).isTrue();
		}
		Analysis.Toxicity delight = analyse("Holy shit this is the best pizza ever").toxicity();
		assertThat(delight.toxic()).isTrue();
		assertThat(delight.abusive()).isFalse();
		// the model reads a short message to a brand at its training data's prior: toxic
		assertThat(analyse("@SkyAir any luck?").toxicity().toxic()).isTrue();
		for (String notAbuse : List.of("@SkyAir any luck?", "@SkyAir flight just cancelled. This is ridiculous",
				"@SkyAir this is bullshit, my flight is cancelled again", "@SkyAir thank you so much")) {
			assertThat(analyse(notAbuse).toxicity().abusive()).as(notAbuse).isFalse();
		}
		// an analysis stored before abuse was read: toxic with abusive words
		Analysis.Span idiots = new Analysis.Span(0, 6, "idiots", "insult");
		assertThat(new Analysis.Toxicity(0.5, true, null, List.of(idiots)).abuse()).isTrue();
		assertThat(new Analysis.Toxicity(0.41, true, null, List.of()).abuse()).isFalse();
	}

	@Test
	void violentWordsInAnIdiomThreatenNoOne() {
		assertThat(analyse("@QuickBank kill me now, on hold again").toxicity().spans()).isEmpty();
		assertThat(analyse("@CafeCo I could kill for a coffee right now").toxicity().toxic()).isFalse();
		Analysis threat = analyse("@QuickBank I will kill you");
		assertThat(threat.toxicity().toxic()).isTrue();
		assertThat(threat.intent().label()).isEqualTo("abuse");
	}

	@Test
	void otherLanguagesAreNotGuessedAt() {
		Analysis spanish = analyse("Mi maleta nunca llegó, muy mal servicio");
		assertThat(spanish.language()).isEqualTo("es");
		assertThat(spanish.analysed()).isFalse();
		assertThat(spanish.sentiment().label()).isEqualTo("neutral");
		assertThat(spanish.evidence()).anySatisfy(e -> assertThat(e.label()).isEqualTo("language"));
		// the words every sentence needs, accents and ¿ tell the language of a short one
		assertThat(analyse("Mi maleta nunca llegó, ¿pueden ayudarme?").language()).isEqualTo("es");
		assertThat(analyse("Minha mala nunca chegou, podem me ajudar?").language()).isEqualTo("pt");
		assertThat(analyse("Mon colis n'est jamais arrivé, pouvez-vous m'aider ?").language()).isEqualTo("fr");
		assertThat(analyse("Mein Paket ist nie angekommen, können Sie mir helfen?").language()).isEqualTo("de");
		// what customers write about tells a short message's language too
		assertThat(analyse("@SkyAir meu voo atrasou 5 horas").language()).isEqualTo("pt");
		assertThat(analyse("@SkyAir il mio bagaglio è stato perso").language()).isEqualTo("it");
		// thanks borrowed from another language is thanks
		reads("@SkyAir gracias!", "positive", "praise");
		assertThat(analyse("@SkyAir the café at gate 5 was closed and my flight is late").language()).isEqualTo("en");
		// English with a few foreign words is still read
		Analysis mixed = analyse("@SkyAir my bag never arrived, muy mal servicio, help please");
		assertThat(mixed.language()).isEqualTo("en");
		assertThat(mixed.analysed()).isTrue();
		assertThat(mixed.intent().label()).isEqualTo("complaint");
	}

	@Test
	void emotionsComeFromTheTaxonomy() {
		Analysis a = analyse("@SkyAir why????? why is my flight delayed again?????");
		assertThat(a.emotions()).isNotEmpty()
			.allSatisfy(e -> assertThat(e.name()).isIn(Taxonomy.EMOTIONS))
			.allSatisfy(e -> assertThat(e.score()).isBetween(0.0, 1.0));
		assertThat(analyse("@SkyAir thank you so much, the crew was wonderful!").emotions())
			.extracting(Analysis.Emotion::name)
			.contains("gratitude");
		assertThat(analyse("@SkyAir what time does boarding start?").emotions()).extracting(Analysis.Emotion::name)
			.doesNotContain("anger");
		// a neutral message's negative feelings come from its words, not the model's
		// prior
		for (String neutral : List.of("@united DM sent", "@AirCo do you allow dogs?", "@ShopCo do you price match?")) {
			assertThat(analyse(neutral).emotions()).as(neutral).isEmpty();
		}
		assertThat(analyse("I'm worried my payment didn't go through, can you check?").emotions())
			.extracting(Analysis.Emotion::name)
			.contains("worry");
	}

	@Test
	void riskOrdersAnAngryComplaintFromALargeAccountAboveAThankYou() {
		Analysis angry = analyse("@SkyAir WORST SERVICE EVER!!! 3 hours on hold and my bag is still lost", 100_000L);
		Analysis thanks = analyse("@SkyAir thank you so much, the crew was wonderful!", 100_000L);
		Analysis sameAngerNoReach = analyse("@SkyAir WORST SERVICE EVER!!! 3 hours on hold and my bag is still lost",
				10L);
		assertThat(angry.risk().score()).isGreaterThan(thanks.risk().score() + 30);
		assertThat(angry.risk().score()).isGreaterThan(sameAngerNoReach.risk().score());
		assertThat(angry.risk().components()).containsKeys("negativity", "intent", "urgency", "toxicity", "reach",
				"value");
		double sum = 0;
		for (var e : angry.risk().components().entrySet()) {
			sum += e.getValue() * angry.risk().weights().get(e.getKey());
		}
		assertThat(angry.risk().score()).isEqualTo((int) Math.round(100 * Math.min(1, sum)));
	}

	@Test
	void aValuableCustomersComplaintOutranksTheSameFromAnUnknownOrSmallOne() {
		String text = "@SkyAir my bag is still lost after 3 days";
		Tenant tenant = new Tenant(new app.rightly.shared.OrganisationId(new java.util.UUID(1, 1)),
				new app.rightly.shared.BrandId(new java.util.UUID(1, 2)));
		Analysis unknown = ANALYSER.analyse(new AnalysisRequest(tenant, text, 500L));
		Analysis small = ANALYSER.analyse(new AnalysisRequest(tenant, text, 500L, null, 20.0));
		Analysis valuable = ANALYSER.analyse(new AnalysisRequest(tenant, text, 500L, null, 50_000.0));
		assertThat(valuable.risk().score()).isGreaterThan(unknown.risk().score()).isGreaterThan(small.risk().score());
		assertThat(unknown.risk().weights().get("value")).isZero();
		assertThat(valuable.risk().components().get("value")).isCloseTo(0.94, within(0.01));
		double weights = valuable.risk().weights().values().stream().mapToDouble(Double::doubleValue).sum();
		assertThat(weights).isCloseTo(1.0, within(1e-9));
		assertThat(CustomerCareAnalyser.customerValue(1_000.0)).isCloseTo(0.6, within(0.001));
		assertThat(CustomerCareAnalyser.customerValue(0.0)).isZero();
	}

	@Test
	void everyLabelHasEvidenceInTheText() {
		String text = "@SkyAir I will sue you, my flight was cancelled and nobody helped";
		Analysis a = analyse(text);
		assertThat(a.evidence()).isNotEmpty();
		for (Analysis.Evidence e : a.evidence()) {
			if (e.start() != null) {
				assertThat(text.substring(e.start(), e.end())).isEqualToIgnoringCase(e.text());
			}
		}
	}

	@Test
	void keyPhrasesAreFound() {
		assertThat(analyse("@SkyAir the wifi on the plane never works and the seat was broken").keyPhrases())
			.isNotEmpty();
	}

	@Test
	void theSameTextGivesTheSameAnalysis() {
		String text = "@SkyAir lost my bag, third time I write, I'm telling the press";
		assertThat(analyse(text)).isEqualTo(analyse(text));
		assertThat(List.of(analyse(text).analyser())).containsExactly(CustomerCareAnalyser.ID);
	}

}

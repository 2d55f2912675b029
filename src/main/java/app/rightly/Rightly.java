package app.rightly;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Rightly: a self-hosted social customer care and voice-of-customer platform. The
 * executable jar starts the command line ({@code app.rightly.cli.RightlyCommandLine});
 * this {@code main} starts the server directly, for running it from an IDE.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Rightly {

	public static void main(String[] args) {
		String[] withMode = new String[args.length + 1];
		withMode[0] = "--rightly.mode=serve";
		System.arraycopy(args, 0, withMode, 1, args.length);
		SpringApplication.run(Rightly.class, withMode);
	}

}

package id.go.jambiprov.lapor.sop.internal;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.sop.SopDefinition;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the SOP definition at start-up. A definition that breaks the table's rules stops the
 * start, naming what is wrong.
 */
@Configuration(proxyBeanMethods = false)
class SopConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SopConfiguration.class);

	@Bean
	SopDefinition sopDefinition(@Value("${lapor.sop.definition:classpath:sop/jambi-2022.json}") Resource resource,
			JsonMapper json) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			SopDefinition definition = json.readerFor(SopDefinition.class)
				.without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
				.readValue(in);
			log.info("SOP {} version {} loaded: {} transitions", definition.id(), definition.version(),
					definition.transitions().size());
			return definition;
		}
	}

}

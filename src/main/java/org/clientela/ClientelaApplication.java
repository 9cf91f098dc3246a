package org.clientela;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Clientela: the workbench of a B2B client department. One module per business capability;
 * see {@code README.md} for the module map.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class ClientelaApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClientelaApplication.class, args);
    }
}

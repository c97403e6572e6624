package dev.metricsagent.it.apps;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The servlet scenarios in Spring MVC terms:
 *
 * <pre>
 * /owners/{ownerId}   200, or 404 for owner 999 (ResponseStatusException)
 * /boom               throws IllegalStateException (500, then Boot's /error dispatch)
 * /async              CompletableFuture completed 100 ms later with 201
 * /forward            forwards to /owners/1
 * </pre>
 */
@SpringBootApplication
@Controller
public class SpringBootApp {

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SpringBootApp.class)
            .properties("server.port=0", "spring.main.banner-mode=off")
            .run(args);
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    System.out.println("servlet app ready port=" + port);
    System.out.flush();
    while (System.in.read() >= 0) {
      // only the end of input matters
    }
    context.close();
  }

  @GetMapping("/owners/{ownerId}")
  @ResponseBody
  String owner(@PathVariable int ownerId) {
    if (ownerId == 999) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no owner 999");
    }
    return "owner " + ownerId;
  }

  @GetMapping("/boom")
  @ResponseBody
  String boom() {
    throw new IllegalStateException("boom");
  }

  @GetMapping("/async")
  @ResponseBody
  CompletableFuture<ResponseEntity<String>> async() {
    return CompletableFuture.supplyAsync(
        () -> ResponseEntity.status(201).body("created later"),
        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
  }

  @GetMapping("/forward")
  String forward() {
    return "forward:/owners/1";
  }
}

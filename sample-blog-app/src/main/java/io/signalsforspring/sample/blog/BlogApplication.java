package io.signalsforspring.sample.blog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * The sample blog: the tutorials' blog that emails subscribers when a new post is
 * created, with each signal receiver in the feature package it belongs to.
 */
@SpringBootApplication
@EnableCaching
public class BlogApplication {

	/**
	 * Run the blog.
	 * @param args command-line arguments, passed to Spring Boot
	 */
	public static void main(String[] args) {
		SpringApplication.run(BlogApplication.class, args);
	}

}

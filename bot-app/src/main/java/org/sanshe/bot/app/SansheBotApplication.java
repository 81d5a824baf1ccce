package org.sanshe.bot.app;

import org.sanshe.bot.storage.config.StorageConfiguration;
import org.sanshe.bot.wecom.config.LoadCeilingConfiguration;
import org.sanshe.bot.wecom.config.WeComConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** 三社联动群助手: the service. Profiles: {@code local} (default, embedded) and {@code prod} (MySQL, Redis, WeCom). */
@SpringBootApplication
@Import({WeComConfiguration.class, StorageConfiguration.class, LoadCeilingConfiguration.class})
public class SansheBotApplication {
    public static void main(String[] args) {
        SpringApplication.run(SansheBotApplication.class, args);
    }
}

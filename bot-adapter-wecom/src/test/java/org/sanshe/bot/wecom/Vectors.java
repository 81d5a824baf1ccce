package org.sanshe.bot.wecom;

/**
 * The crypto fixtures of WECOM.md §1.7, verbatim: A and B are WeCom's official WXBizMsgCrypt samples (receive id = the
 * CorpID), C is the AI-bot vector derived with the library (receive id ""). Tests that need other messages build them
 * with these keys and {@code CallbackCipher.seal/sign}.
 */
public final class Vectors {
    private Vectors() {}

    public static final class A {
        public static final String TOKEN = "QDG6eK";
        public static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
        public static final String CORP_ID = "wx5823bf96d3bd56c7";

        public static final String A1_SIGNATURE = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
        public static final String A1_TIMESTAMP = "1409659589";
        public static final String A1_NONCE = "263014780";
        public static final String A1_ECHOSTR =
                "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
        public static final String A1_ECHOSTR_URL_ENCODED =
                "P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D";
        public static final String A1_REPLY = "1616140317555161061";
        public static final String A1_RANDOM = "c41b64491c2468d0";

        public static final String A2_SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6";
        public static final String A2_TIMESTAMP = "1409659813";
        public static final String A2_NONCE = "1372623149";
        public static final String A2_ENCRYPT =
                "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
        public static final String A2_BODY =
                "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[" + A2_ENCRYPT
                        + "]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";
        public static final String A2_PLAINTEXT = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n"
                + "<FromUserName><![CDATA[mycreate]]></FromUserName>\n"
                + "<CreateTime>1409659813</CreateTime>\n"
                + "<MsgType><![CDATA[text]]></MsgType>\n"
                + "<Content><![CDATA[hello]]></Content>\n"
                + "<MsgId>4561255354251345929</MsgId>\n"
                + "<AgentID>218</AgentID>\n"
                + "</xml>";
        public static final String A2_RANDOM = "0960688932c47ef1";

        private A() {}
    }

    public static final class B {
        public static final String TOKEN = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
        public static final String AES_KEY = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
        public static final String CORP_ID = "ww1436e0e65a779aee";

        public static final String B1_SIGNATURE = "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb";
        public static final String B1_TIMESTAMP = "1476416373";
        public static final String B1_NONCE = "47744683";
        public static final String B1_ECHOSTR =
                "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";
        public static final String B1_REPLY = "1288432023552776189";

        public static final String B2_SIGNATURE = "0c3914025cb4b4d68103f6bfc8db550f79dcf48e";
        public static final String B2_TIMESTAMP = "1476422779";
        public static final String B2_NONCE = "1597212914";
        public static final String B2_ENCRYPT =
                "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";
        public static final String B2_BODY =
                "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><Encrypt><![CDATA[" + B2_ENCRYPT
                        + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
        public static final String B2_PLAINTEXT = "<xml><ToUserName>ww1436e0e65a779aee</ToUserName>"
                + "<FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime>"
                + "<MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId>"
                + "<AgentID>1000002</AgentID></xml>";

        private B() {}
    }

    /** AI bot: Vector B's token and key, receive id "". */
    public static final class C {
        public static final String TOKEN = B.TOKEN;
        public static final String AES_KEY = B.AES_KEY;
        public static final String RECEIVE_ID = "";

        public static final String C1_SIGNATURE = "075f7630bc91efa0ef78bf34a27f4334a4e388e8";
        public static final String C1_TIMESTAMP = "1700000000";
        public static final String C1_NONCE = "1234567890";
        public static final String C1_ECHOSTR =
                "G3HbuW8Ynm1PovCDgZw5u4It4w+49d4owXUFUiQztQeu3BxLOo1ULLZhUls2RioG1YPo4YXhCk/zm1m/8KP8aw==";
        public static final String C1_REPLY = "1616140317555161061";

        public static final String C2_SIGNATURE = "00beba31926e0bbea4626308f5b9c6d86ea344b0";
        public static final String C2_TIMESTAMP = "1700000000";
        public static final String C2_NONCE = "1234567890";
        public static final String C2_ENCRYPT =
                "scEag1243Fmy/fYz4Ux8D7R18p8ql2Dr2S2yraX0zejEphKgz1Taooy3/yX5/5gB8KUQY8Adbb/awAO9xeArvUnsOZhBQevXvg5ZYWM7HL1U+UFhxPmkMviiDqfC822MO4o9RbpzRSfHbeK7wdKSu9SbO1ZOzSY8pxgAnPOw5GmyaNmvJW1zzdZnR3Teab+olhkrlkwS7LHGAsmmtDBMoXEFzNvWCfoNj5PCpGDt+c9HqrfVhJCWlUa7hQmdvXYiPoKQJUbRLtpOmNylMeibEXSRs497sENvk2HIxXAWAsubNKe5fK/XnPLHjlWvUaQYFYbw7c1HvlDO/25O5seyeA==";
        public static final String C2_BODY = "{\"encrypt\":\"" + C2_ENCRYPT + "\"}";
        public static final String C2_PLAINTEXT =
                "{\"msgid\":\"CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=\",\"aibotid\":\"AIBOTID\",\"chatid\":\"CHATID\","
                        + "\"chattype\":\"group\",\"from\":{\"userid\":\"USERID\"},\"response_url\":\"RESPONSEURL\","
                        + "\"msgtype\":\"text\",\"text\":{\"content\":\"@RobotA /help\"}}";
        public static final String C2_RANDOM = "0123456789abcdef";

        public static final String C3_TIMESTAMP = "1700000001";
        public static final String C3_NONCE = "1234567890";
        public static final String C3_RANDOM = "fedcba9876543210";
        public static final String C3_PLAINTEXT =
                "{\"msgtype\":\"stream\",\"stream\":{\"id\":\"STREAMID\",\"finish\":true,\"content\":\"ok\"}}";
        public static final String C3_ENCRYPT =
                "nO73TgapHYuqXuswhq+wMxa7Qk+C+WyM6TS/KDaEkB0Lg85WGsexbum2DuqQvsupfXBXCiFyAcmnyY8Ar08KFq+PwVB6w1FGZGc/PG8Oz/SzQMjur5glezWQN18qYZNszcFwXNGNweScsmzQZZmVikuWISNFAyMZEJTMOhg4ISc=";
        public static final String C3_SIGNATURE = "bf1b4032edaa6b1b5ffb3be7c7b35770f2aae5e6";

        private C() {}
    }
}

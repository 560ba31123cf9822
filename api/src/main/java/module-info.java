/**
 * The djx service-provider interface: what plugins implement and the small value types they exchange.
 *
 * <p>It depends on the JDK alone, so a plugin compiled against it drags nothing else along.
 */
module org.djx.api {
    exports org.djx.api;
    exports org.djx.api.spi;
    exports org.djx.api.data;
}

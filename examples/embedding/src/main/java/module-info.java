/** An application that predicts with a model a djx run saved, through djx's serving package alone. */
module org.djx.examples.embedding {
    requires org.djx.engine;

    exports org.djx.examples.embedding;
}

package org.afannotator.ui;

/** Test fixture: breaks "no native file chooser". */
public class ArchFixtureUiUsesFileChooser {
    javafx.stage.FileChooser chooser;
}

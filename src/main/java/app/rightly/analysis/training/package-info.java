/**
 * Training and evaluation tools for the command line: reading labelled files, building
 * the shipped base models from permissively licensed data, and scoring predictions.
 */
@org.springframework.modulith.NamedInterface("training")
package app.rightly.analysis.training;

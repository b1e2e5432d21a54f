/** The trainers module of ganiqa. */
package dev.ganiqa.trainers;

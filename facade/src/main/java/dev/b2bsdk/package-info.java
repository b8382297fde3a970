/** Hand-written facade over the generated clients of ITCare, CareCloud, Shop Application and InTouch. */
package dev.b2bsdk;
